import { levenshtein } from "./levenshtein.js";

/**
 * The known word a mistyped `word` most likely meant, or `undefined` when none is close:
 * 1. the candidate equal to `word` but for case;
 * 2. a candidate that starts with `word`, or that `word` starts with (both at least 3 characters;
 *    the shortest such candidate), e.g. `region` -> `region_name`;
 * 3. a candidate that contains `word` (at least 6 characters; the shortest);
 * 4. else the candidate nearest by {@link levenshtein} distance (case-insensitive; ties: the first in
 *    `candidates`), if it needs at most half as many edits as the longer of the two words has characters.
 *
 * @example
 * ```ts
 * closestMatch("region", ["region_name", "role_arn"]);   // "region_name"
 * closestMatch("rolearn", ["region_name", "role_arn"]);  // "role_arn"
 * closestMatch("foo", ["region_name", "role_arn"]);      // undefined
 * ```
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  const shortest = (test: (c: string) => boolean) =>
    candidates
      .filter((c) => test(c.toLowerCase()))
      .reduce<string | undefined>((a, c) => (a === undefined || c.length < a.length ? c : a), undefined);
  const prefixed =
    lower.length >= 3
      ? shortest((c) => c.length >= 3 && (c.startsWith(lower) || lower.startsWith(c)))
      : undefined;
  if (prefixed) return prefixed;
  const containing = lower.length >= 6 ? shortest((c) => c.includes(lower)) : undefined;
  if (containing) return containing;

  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = levenshtein(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.floor(Math.max(word.length, best.length) / 2) ? best : undefined;
}
