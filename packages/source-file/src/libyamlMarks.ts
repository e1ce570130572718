import type { LineCounter } from "yaml";

/** A 1-based place in a text. */
export interface Mark {
  line: number;
  column: number;
}

/**
 * Where libyaml (Airflow's `CSafeLoader`) gives up on an implicit key that has no `:` ("while
 * scanning a simple key ... could not find expected ':'"), for the key whose text starts at
 * `start` and ends at `end`: the first place its scanner reaches on a later line than the key
 * starts. A plain key is read on as libyaml reads a plain scalar: it stops at a `#`, at a `: `,
 * at a line less indented than one past the key's column, or at a tab in that indentation ("found
 * a tab character that violates indentation", the same line); blank lines are passed over. Any
 * other key (quoted, flow), or a plain one that stops on its own line, is given up at the next
 * token: past blanks, comments and line breaks; at the end of the text, on the line after the last.
 *
 * @example
 * ```ts
 * keyWithoutValueMark("a: 1\nz\n\n\nb: 2\n", 5, 6, lc); // { line: 5, column: 1 }
 * ```
 */
export function keyWithoutValueMark(
  text: string,
  start: number,
  end: number,
  lineCounter: LineCounter,
): Mark {
  const keyLine = lineCounter.linePos(start).line;
  const plain = !/["'[{]/.test(text[start] ?? "");
  const stop = plain ? plainScalarStop(text, start, lineCounter.linePos(start).col) : end;
  const at = lineCounter.linePos(stop);
  if (at.line > keyLine || (stop >= text.length && text.endsWith("\n")))
    return { line: at.line, column: at.col };
  return nextTokenAfter(text, stop, lineCounter);
}

/** Where libyaml's plain scalar scanner stops for a scalar starting at `start`, in a block whose keys are at 1-based `keyColumn`. */
function plainScalarStop(text: string, start: number, keyColumn: number): number {
  const n = text.length;
  const columnOf = (i: number) => i - (text.lastIndexOf("\n", i - 1) + 1); // 0-based
  let i = start;
  for (;;) {
    while (i < n && text[i] !== "\n") {
      const ch = text[i] as string;
      if (ch === " " || ch === "\t") {
        let j = i;
        while (text[j] === " " || text[j] === "\t") j++;
        if (text[j] === "#") return j;
        i = j;
        continue;
      }
      if (ch === ":" && (i + 1 >= n || " \t\n".includes(text[i + 1] as string))) return i;
      i++;
    }
    if (i >= n) return n;
    let j = i;
    while (j < n && " \t\n".includes(text[j] as string)) {
      if (text[j] === "\t" && columnOf(j) < keyColumn) return j;
      j++;
    }
    if (j >= n || columnOf(j) < keyColumn || text[j] === "#") return j;
    if (columnOf(j) === 0 && /^(?:---|\.\.\.)(?:[ \t\n]|$)/.test(text.slice(j, j + 4))) return j;
    i = j;
  }
}

/**
 * Where libyaml's scanner is after `offset`'s token: past blanks and a comment on the same line,
 * then past line breaks, blank lines and comment lines (a tab at the start of a line is a token
 * start in a block); at the end of a text without a final newline, the line after the last (libyaml
 * ends the stream on a new line). 1-based.
 *
 * @example
 * ```ts
 * nextTokenAfter("a: 1\nz # c\n# d\nb: 2\n", 6, lc); // { line: 4, column: 1 }
 * ```
 */
export function nextTokenAfter(text: string, offset: number, lineCounter: LineCounter): Mark {
  const n = text.length;
  let end = offset;
  const comment = () => {
    if (text[end] === "#") while (end < n && text[end] !== "\n") end++;
  };
  while (text[end] === " " || text[end] === "\t") end++;
  comment();
  while (text[end] === "\n") {
    end++;
    while (text[end] === " ") end++;
    comment();
  }
  if (end >= text.length && text.length > 0 && !text.endsWith("\n"))
    return { line: lineCounter.linePos(text.length).line + 1, column: 1 };
  const at = lineCounter.linePos(end);
  return { line: at.line, column: at.col };
}
