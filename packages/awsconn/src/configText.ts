import { closestMatch, scrubText } from "@awsconn/core";

// How a configuration problem shows a key path and a value: one home for parseConfig's zod path
// and quickConfig's own explanation (shapeProblem).

/** A key path into a configuration (`["sources", 2, "type"]`). */
export type ConfigPath = readonly (string | number)[];

/** `["sources", 2, "type"]` as `sources[2].type`. */
export function pathText(path: ConfigPath): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${p}`;
  return out;
}

/**
 * A value as a problem quotes it: JSON with URI passwords and AWS access key ids scrubbed (an
 * `endpoint` may carry credentials), cut at 60 characters; `nothing` for undefined.
 */
export function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = scrubText(JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** What a value is, for "expected X, got Y": `null`, `array`, `object`, or its type and value. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value === undefined) return "nothing";
  if (typeof value === "object") return "object";
  return `${typeof value} ${shown(value)}`;
}

/** ` (did you mean "x"?)` when a candidate is near `word`, else "". */
export function didYouMean(word: unknown, candidates: readonly string[]): string {
  const near = typeof word === "string" ? closestMatch(word, candidates) : undefined;
  return near === undefined || near === word ? "" : ` (did you mean "${near}"?)`;
}
