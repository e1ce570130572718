interface Group {
  /** Some atom inside (at any depth) is repeated by `*`, `+`, `{n,}` or `{n,m}` with m > 1. */
  repeats: boolean;
  /** The first atom of each alternative, as written (`a`, `\w`, `[ab]`, `(`). */
  firsts: string[];
  /** Whether the next atom starts an alternative. */
  atStart: boolean;
  /** Where the group opens, for the message. */
  start: number;
}

// A quantifier that lets its atom repeat: *, +, {n,}, {n,m} with m > 1 (a lazy `?` after it changes nothing).
const REPEAT = /^(?:[*+]|\{\d*,\d*\}|\{\d+\})/;

function repeats(quantifier: string): boolean {
  if (quantifier === "*" || quantifier === "+") return true;
  const m = /^\{(\d*)(,?)(\d*)\}$/.exec(quantifier);
  if (!m) return false;
  if (m[2] === "") return Number(m[1]) > 1;
  return m[3] === "" || Number(m[3]) > 1;
}

/**
 * Why a regular expression can take exponential time on a short input (catastrophic
 * backtracking), or `undefined` when it shows no such shape. Two shapes are found, both in a
 * group that repeats (`(...)+`, `(...)*`, `(...){2,}`): a quantifier inside it (`(a+)+`,
 * `(\w+\s?)*`), and alternatives that can start with the same character (`(a|a)+`, `(\w|_)+`;
 * alternatives starting with distinct plain characters, as in `(a|b)+`, are fine). It reads
 * Python's syntax as well (`(?P<name>...)`, `(?>...)`, `(?i:...)`, `(?#...)`). Conservative:
 * a pattern it refuses may be safe in practice, and is easy to write without nested repetition.
 *
 * @example
 * ```ts
 * backtrackingRisk("(a|a)+$"); // "the repeated group at 0 has alternatives that can start alike ..."
 * backtrackingRisk("(aws|gcp)_.*"); // undefined
 * ```
 */
export function backtrackingRisk(pattern: string): string | undefined {
  const stack: Group[] = [{ repeats: false, firsts: [], atStart: true, start: 0 }];
  let i = 0;
  const top = () => stack[stack.length - 1] as Group;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    let atom: string;
    let closed: Group | undefined;
    if (ch === "\\") {
      atom = pattern.slice(i, i + 2);
      i += 2;
    } else if (ch === "[") {
      let j = i + 1;
      if (pattern[j] === "^") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") j += pattern[j] === "\\" ? 2 : 1;
      atom = pattern.slice(i, j + 1);
      i = j + 1;
    } else if (pattern.startsWith("(?#", i)) {
      // A Python comment: nothing inside it matches.
      const end = pattern.indexOf(")", i);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    } else if (ch === "(") {
      if (top().atStart) top().firsts.push("(");
      top().atStart = false;
      stack.push({ repeats: false, firsts: [], atStart: true, start: i });
      i += pattern.startsWith("(?", i)
        ? (/^\(\?(?:<[=!]|[:=!>]|P?<[^>]*>|[imsxauLt-]+:)/.exec(pattern.slice(i))?.[0].length ?? 1)
        : 1;
      continue;
    } else if (ch === ")") {
      closed = stack.length > 1 ? stack.pop() : undefined;
      atom = ")";
      i++;
    } else if (ch === "|") {
      top().atStart = true;
      i++;
      continue;
    } else {
      atom = ch;
      i++;
    }
    const quantifier = REPEAT.exec(pattern.slice(i))?.[0] ?? (pattern[i] === "?" ? "?" : "");
    i += quantifier.length;
    if (pattern[i] === "?" && quantifier && quantifier !== "?") i++;
    const repeated = repeats(quantifier);
    if (closed) {
      if (repeated && closed.repeats)
        return `the repeated group at ${closed.start} repeats a quantifier inside it (nested quantifiers, as in "(a+)+")`;
      if (repeated && closed.firsts.length > 1 && !distinctPlain(closed.firsts))
        return `the repeated group at ${closed.start} has alternatives that can start alike (as in "(a|a)+")`;
      if (repeated || closed.repeats) top().repeats = true;
      continue;
    }
    if (top().atStart) top().firsts.push(atom);
    top().atStart = false;
    if (repeated) top().repeats = true;
  }
  return undefined;
}

function distinctPlain(firsts: string[]): boolean {
  if (!firsts.every((f) => f.length === 1 && !".^$(".includes(f))) return false;
  return new Set(firsts.map((f) => f.toLowerCase())).size === firsts.length;
}
