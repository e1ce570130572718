/**
 * The text with every line that continues a flow collection (`[ ]`, `{ }`) or a quoted scalar
 * opened on an earlier line moved right, past the column where that collection or scalar opens;
 * `undefined` when no line needed it. libyaml (Airflow's `CSafeLoader`) does not look at the
 * indentation of those lines (`a: [1,\n2]` is `[1, 2]`; `a:\n  b: "x\ny"` is `"x y"`, a tab-led
 * line too), where the `yaml` package wants them indented deeper than their block; a line's leading
 * blanks inside those constructs are no content, so only the package's verdict changes. Lines keep
 * their numbers. A line that starts with a document marker (`---`, `...`) is left alone, as libyaml
 * refuses it there ("found unexpected document indicator"): inside a quoted scalar, its 1-based line
 * is `markerInQuote`, and no line after it is moved. Block scalars (`|`, `>`) and comments are skipped
 * (a block scalar's lines are those deeper than its parent: `blockParentIndent`).
 *
 * @example
 * ```ts
 * padFlowContinuations("a: [1,\n2]\n").text;    // "a: [1,\n    2]\n"
 * padFlowContinuations("a: 1\n").text;          // undefined
 * padFlowContinuations('a: "x\n---\n"').markerInQuote; // 2
 * ```
 */
export function padFlowContinuations(text: string): {
  text?: string;
  markerInQuote?: number;
  /** Per 1-based line moved: the blanks put before it (a column there is that much further right). */
  pads?: Map<number, number>;
} {
  const lines = text.split("\n");
  let depth = 0;
  let quote: string | undefined;
  /** The column past which continuation lines go (the opening bracket's or quote's, plus one). */
  let pad = 0;
  let changed = false;
  /** Whether a quote, bracket or block scalar indicator here would start a node. */
  let nodeStart = true;
  /** A block scalar's content: lines deeper than `blockIndent` (or blank) are skipped. */
  let blockIndent: number | undefined;
  let markerInQuote: number | undefined;
  /** A plain scalar is open at the end of the line (no comment, ":" or "-" after it), begun on a line of this indentation. */
  let plainFrom: number | undefined;
  const pads = new Map<number, number>();
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n] as string;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (blockIndent !== undefined) {
      if (isBlank(line) || indent > blockIndent) continue;
      blockIndent = undefined;
    }
    if (n > 0 && (depth > 0 || quote) && !isBlank(line)) {
      if (/^(?:---|\.\.\.)(?:[ \t]|$)/.test(line)) {
        if (quote) markerInQuote = n + 1;
        break;
      }
      line = " ".repeat(pad) + line;
      lines[n] = line;
      pads.set(n + 1, pad);
      changed = true;
    }
    // A deeper line continues the plain scalar before it: a "[" or "{" there is text to libyaml.
    if (depth === 0 && !quote && !isBlank(line)) {
      const continues = plainFrom !== undefined && indent > plainFrom;
      nodeStart = !continues;
      if (!continues) plainFrom = undefined;
    }
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] as string;
      const next = line[i + 1];
      if (quote) {
        if (quote === '"' && ch === "\\") i++;
        else if (quote === "'" && ch === "'" && next === "'") i++;
        else if (ch === quote) {
          quote = undefined;
          nodeStart = false;
        }
        continue;
      }
      if (ch === " " || ch === "\t") continue;
      const before = line[i - 1];
      if (ch === "#" && (i === 0 || before === " " || before === "\t")) {
        plainFrom = undefined;
        break;
      }
      const blankAfter = next === undefined || next === " " || next === "\t";
      if ((ch === '"' || ch === "'") && nodeStart) {
        if (depth === 0) pad = i + 1;
        quote = ch;
      } else if ((ch === "[" || ch === "{") && (nodeStart || depth > 0)) {
        if (depth === 0) pad = i + 1;
        depth++;
        nodeStart = true;
      } else if ((ch === "]" || ch === "}") && depth > 0) {
        depth--;
        nodeStart = false;
      } else if (ch === "," && depth > 0) nodeStart = true;
      else if ((ch === ":" || ch === "-" || ch === "?") && (blankAfter || (depth > 0 && ch === ":")))
        nodeStart = true;
      else if ((ch === "|" || ch === ">") && nodeStart && depth === 0) {
        blockIndent = blockParentIndent(line, i);
        plainFrom = undefined;
        break;
      } else if ((ch === "&" || ch === "!") && nodeStart) {
        while (i + 1 < line.length && !/[ \t,[\]{}]/.test(line[i + 1] as string)) i++;
      } else {
        if (depth === 0) plainFrom ??= indent;
        nodeStart = false;
        continue;
      }
      plainFrom = undefined;
    }
  }
  return changed ? { text: lines.join("\n"), markerInQuote, pads } : { markerInQuote };
}

/** Blank as libyaml counts it: spaces and tabs only (`trim()` would take a U+FEFF or U+00A0 too). */
function isBlank(line: string): boolean {
  return /^[ \t\r]*$/.test(line);
}

/**
 * The indentation a block scalar's lines must go deeper than, for the scalar indicator at `column` of
 * `line`: the column of its mapping key after any `- ` entries on the line (`  - k: |` is 4), or,
 * for a scalar that is itself an entry (`  - |`), the column of that entry's dash.
 *
 * @example
 * ```ts
 * blockParentIndent("  - schema: |2", 12); // 4
 * blockParentIndent("  - |", 4);           // 2
 * blockParentIndent("a: >", 3);            // 0
 * ```
 */
function blockParentIndent(line: string, column: number): number {
  const entry = /- +/y;
  let parent = /^ */.exec(line)?.[0].length ?? 0;
  entry.lastIndex = parent;
  while (entry.test(line)) {
    if (entry.lastIndex >= column) return parent;
    parent = entry.lastIndex;
  }
  return parent;
}
