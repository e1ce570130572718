import { ENV_LINE_BREAK, parseEnvText } from "./parseEnvText.js";

const SPLIT = new RegExp(`(${ENV_LINE_BREAK.source})`);
const ENDS_WITH_BREAK = new RegExp(`(?:${ENV_LINE_BREAK.source})$`);

/**
 * Sets one `ID=URI` line of a `.env` connections file and returns the new text: the id's line is
 * replaced in place (a repeated id, which Airflow refuses, keeps only its first line), or the line
 * is added at the end; every other line (comments, blank lines, other ids) stays as it was.
 *
 * @example
 * ```ts
 * setEnvEntry("# mine\nA=http://a\n", "B", "http://b"); // "# mine\nA=http://a\nB=http://b\n"
 * ```
 */
export function setEnvEntry(text: string, connId: string, uri: string): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const entry = `${connId}=${uri}`;
  // Contents at even indexes, each followed by its line break: index 2 * (line - 1).
  const parts = text.split(SPLIT);
  const [first, ...repeats] = parseEnvText(text)
    .lines.filter((l) => l.key === connId)
    .map((l) => 2 * (l.line - 1));
  if (first === undefined) {
    const gap = text === "" || ENDS_WITH_BREAK.test(text) ? "" : eol;
    return `${text}${gap}${entry}${eol}`;
  }
  parts[first] = entry;
  for (const i of repeats.reverse()) parts.splice(i, 2);
  return parts.join("");
}
