import type { PythonRegexCursor } from "./PythonRegexCursor.js";

/** Python's `MAXREPEAT`: a repeat count must stay below it. */
const MAXREPEAT = 4294967295;
const DIGITS = /^[0-9]$/;

/**
 * The bounds of the quantifier `ch` (`*`, `+`, `?`, `{` read), as Python reads them: `{,n}` is
 * `{0,n}`, `{m,}` has no upper bound, and a `{` that does not start `{m}`, `{m,n}`, `{,n}`, `{m,}`
 * or `{,}` is a literal (`undefined`, the cursor back after the `{`).
 *
 * @example
 * ```ts
 * readRepeatBounds(cursorAfter("a{,2}"), "{"); // { min: 0, max: 2 }
 * ```
 */
export function readRepeatBounds(
  src: PythonRegexCursor,
  ch: string,
): { min: number; max: number } | undefined {
  const here = src.pos - 1;
  if (ch !== "{") return { min: ch === "+" ? 1 : 0, max: ch === "?" ? 1 : Number.POSITIVE_INFINITY };
  if (src.next === "}") return undefined;
  const lo = src.getWhile(Number.POSITIVE_INFINITY, DIGITS);
  const hi = src.match(",") ? src.getWhile(Number.POSITIVE_INFINITY, DIGITS) : lo;
  if (!src.match("}")) {
    src.pos = here + 1;
    return undefined;
  }
  const min = lo ? Number(lo) : 0;
  const max = hi ? Number(hi) : Number.POSITIVE_INFINITY;
  if (min >= MAXREPEAT || (hi && max >= MAXREPEAT))
    throw src.rejects("the repetition number is too large", here);
  if (max < min) throw src.rejects("min repeat greater than max repeat", here);
  return { min, max };
}

/**
 * A JavaScript quantifier for the bounds (no upper bound: `Infinity`).
 *
 * @example
 * ```ts
 * jsQuantifier(0, 2); // "{0,2}"
 * ```
 */
export function jsQuantifier(min: number, max: number): string {
  if (max === Number.POSITIVE_INFINITY) return min === 0 ? "*" : min === 1 ? "+" : `{${min},}`;
  if (min === 0 && max === 1) return "?";
  return min === max ? `{${min}}` : `{${min},${max}}`;
}
