import { JsonProblem } from "./python/JsonProblem.js";
import { pyJsonLoads } from "./python/pythonJson.js";

/** A JSON syntax problem: its kind in awsconn's words (never the text) and where it is, 1-based. */
export interface JsonSyntaxProblem {
  reason: string;
  line: number;
  column: number;
}

// V8's JSON.parse messages quote the text near the problem (`Unexpected token 'x', "...secret..." is
// not valid JSON`): only their kind is passed on.
const KINDS: [RegExp, string][] = [
  [/^Unexpected end of JSON input/, "unexpected end of the JSON text"],
  [/^Unterminated string/, "unterminated string"],
  [/^Bad control character/, "a control character inside a string"],
  [/^Bad (?:escaped|Unicode escape)/, "bad escape inside a string"],
  [/^Expected (?:double-quoted )?property name/, "expected a property name in double quotes"],
  [/^Expected ',' or '}'/, "expected ',' or '}' after a property value"],
  [/^Expected ',' or ']'/, "expected ',' or ']' after an array element"],
  [/^Expected ':'/, "expected ':' after a property name"],
  [/^Unexpected non-whitespace character after JSON/, "unexpected text after the JSON value"],
  [/^(?:Exponent part|No number after|Unterminated fractional)/, "bad number"],
  [/^Unexpected token/, "unexpected character"],
];

/**
 * What a `JSON.parse` `SyntaxError` says about `text`, without quoting it: the kind of problem and
 * its line and column (from V8's `at position N`, else from Python's decoder; 1, 1 when neither knows).
 *
 * @example
 * ```ts
 * try { JSON.parse(text) } catch (e) { describeJsonSyntaxError(e, text) } // { reason: "unterminated string", line: 3, column: 12 }
 * ```
 */
export function describeJsonSyntaxError(error: unknown, text: string): JsonSyntaxProblem {
  const message = error instanceof Error ? error.message : "";
  const reason = KINDS.find(([shape]) => shape.test(message))?.[1] ?? "invalid JSON";
  const explicit = /\(line (\d+) column (\d+)\)/.exec(message);
  if (explicit) return { reason, line: Number(explicit[1]), column: Number(explicit[2]) };
  const position = /at position (\d+)/.exec(message);
  if (!position) {
    // V8 gives no place for some problems (an unexpected token): Python's decoder, which never
    // quotes the text either, finds it.
    try {
      pyJsonLoads(text);
    } catch (problem) {
      if (problem instanceof JsonProblem) return { reason, line: problem.line, column: problem.column };
    }
  }
  const offset = position
    ? Math.min(Number(position[1]), text.length)
    : /end of JSON/.test(message)
      ? text.length
      : 0;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { reason, line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}
