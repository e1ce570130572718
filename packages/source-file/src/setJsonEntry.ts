/**
 * Sets one entry of a JSON connections file and returns the new text; the text must already read
 * cleanly (Python's `json.loads`). Only the entry's value is replaced (the last one, where a key is
 * repeated, as `json.loads` reads it), or the entry is added after the last one in the file's own
 * layout; every other byte stays as it was. An empty file becomes a new object.
 *
 * @example
 * ```ts
 * setJsonEntry('{\n  "old": "http://h"\n}\n', "db", { conn_type: "postgres" });
 * // '{\n  "old": "http://h",\n  "db": {\n    "conn_type": "postgres"\n  }\n}\n'
 * ```
 */
export function setJsonEntry(text: string, connId: string, value: Record<string, unknown>): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const pretty = (indent: string) => JSON.stringify(value, null, 2).replace(/\n/g, `${eol}${indent}`);
  const open = skipSpace(text, 0);
  if (open === text.length) return `{${eol}  ${JSON.stringify(connId)}: ${pretty("  ")}${eol}}${eol}`;
  const members = topLevelMembers(text, open);
  const existing = members.filter((m) => m.key === connId).pop();
  if (existing) {
    const indent = indentOf(text, existing.keyStart);
    const json = indent === undefined ? JSON.stringify(value) : pretty(indent);
    return `${text.slice(0, existing.valueStart)}${json}${text.slice(existing.valueEnd)}`;
  }
  const last = members[members.length - 1];
  const key = JSON.stringify(connId);
  if (!last) {
    const close = text.indexOf("}", open);
    return `${text.slice(0, open)}{${eol}  ${key}: ${pretty("  ")}${eol}}${text.slice(close + 1)}`;
  }
  const indent = indentOf(text, last.keyStart);
  const member =
    indent === undefined ? `, ${key}: ${JSON.stringify(value)}` : `,${eol}${indent}${key}: ${pretty(indent)}`;
  return `${text.slice(0, last.valueEnd)}${member}${text.slice(last.valueEnd)}`;
}

// ---------------------------------------------------------------------------------------------

interface Member {
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

/** The members of the object that starts at `open`, with their offsets (the text is valid JSON). */
function topLevelMembers(text: string, open: number): Member[] {
  const members: Member[] = [];
  let i = skipSpace(text, open + 1);
  while (text[i] === '"') {
    const keyStart = i;
    const keyEnd = skipValue(text, i);
    const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the ":"
    const valueEnd = skipValue(text, valueStart);
    members.push({ key, keyStart, valueStart, valueEnd });
    i = skipSpace(text, valueEnd);
    if (text[i] === ",") i = skipSpace(text, i + 1);
  }
  return members;
}

/** Just past the JSON value (or string) at `i`. */
function skipValue(text: string, i: number): number {
  let depth = 0;
  let j = i;
  do {
    const c = text[j];
    if (c === '"') {
      j++;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      j++;
    } else if (c === "{" || c === "[") {
      depth++;
      j++;
    } else if (c === "}" || c === "]") {
      depth--;
      j++;
    } else if (depth === 0) {
      // A number or a literal (true, null, NaN, -Infinity...): up to the next delimiter.
      while (j < text.length && !/[\s,}\]]/.test(text[j] as string)) j++;
    } else {
      j++;
    }
  } while (depth > 0 && j < text.length);
  return j;
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && /[ \t\n\r]/.test(text[j] as string)) j++;
  return j;
}

/** The whitespace before the key when it starts its own line; `undefined` for a one-line object. */
function indentOf(text: string, keyStart: number): string | undefined {
  const start = text.lastIndexOf("\n", keyStart - 1) + 1;
  const prefix = text.slice(start, keyStart);
  return start > 0 && /^[ \t]*$/.test(prefix) ? prefix : undefined;
}
