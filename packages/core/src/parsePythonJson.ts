import { CodecProblem } from "./CodecProblem.js";
import { ConnectionFormatError } from "./errors.js";
import { JsonProblem } from "./python/JsonProblem.js";
import type { LineTree } from "./LineTree.js";
import { MAX_JSON_DEPTH, pyJsonLoads, pyJsonLoadsWithLines } from "./python/pythonJson.js";
import { pyToPlain } from "./python/pythonJsonDumps.js";

/** Options of {@link parsePythonJson}. */
export interface ParsePythonJsonOptions {
  /** Also record the 1-based line of every value, object key and array item (`result.lines`). Default `false`. */
  lines?: boolean;
  /** Put into a syntax error's message and `origin` (`file:conns.json`...). Default: none. */
  origin?: string;
}

/** What {@link parsePythonJson} gives: the value and, when asked for, where its parts sit. */
export interface PythonJsonResult {
  /** The value as plain JavaScript (integers beyond 2^53 lose precision, as with `JSON.parse`). */
  value: unknown;
  /** With `lines: true`: the line of the value and of each key (for objects) or item (for arrays). */
  lines?: LineTree;
}

/**
 * Advanced: parses JSON exactly as Python's `json.loads` does, the parser behind the connection
 * codec, for tools that must read what Airflow reads (`.json` connection files, secret values).
 * `NaN`/`Infinity`/`-Infinity` accepted, control characters inside strings refused, a repeated key
 * keeps its first place and its last value, a leading BOM refused, a `__proto__` key stays a plain
 * own property. Linear time.
 *
 * Failures:
 * - a syntax error throws a `ConnectionFormatError` whose `reason` is Python's
 *   `JSONDecodeError.msg` (`Expecting value`...) and whose `line` is its 1-based line; it never
 *   quotes the text, which may hold a password;
 * - an integer of more than 4300 digits throws a `ConnectionFormatError` (Python's `int()` limit:
 *   `ValueError`);
 * - nesting deeper than 980 arrays/objects throws a `RangeError` (Python raises `RecursionError`).
 *
 * @example
 * ```ts
 * import { parsePythonJson } from "@awsconn/core";
 *
 * const { value, lines } = parsePythonJson('{\n  "db": {"port": 5432}\n}', { lines: true });
 * (value as { db: { port: number } }).db.port; // 5432
 * lines.fields?.get("db")?.line; // 2
 * parsePythonJson("[NaN]").value; // [NaN]
 * ```
 */
export function parsePythonJson(
  text: string,
  options: ParsePythonJsonOptions & { lines: true },
): PythonJsonResult & { lines: LineTree };
export function parsePythonJson(text: string, options?: ParsePythonJsonOptions): PythonJsonResult;
export function parsePythonJson(text: string, options: ParsePythonJsonOptions = {}): PythonJsonResult {
  try {
    if (!options.lines) return { value: pyToPlain(pyJsonLoads(text)) };
    const { value, lines } = pyJsonLoadsWithLines(text);
    return { value: pyToPlain(value), lines };
  } catch (error) {
    if (error instanceof JsonProblem) {
      const where = options.origin === undefined ? {} : { origin: options.origin };
      throw new ConnectionFormatError(error.reason, { ...where, line: error.line, cause: error });
    }
    if (error instanceof CodecProblem && error.kind === "json-depth") {
      throw new RangeError(`JSON nests more than ${MAX_JSON_DEPTH} levels deep`);
    }
    if (error instanceof CodecProblem) {
      // Python's ValueError beyond the decoder (an integer longer than int() accepts).
      throw new ConnectionFormatError(
        error.message,
        options.origin === undefined ? {} : { origin: options.origin },
      );
    }
    throw error;
  }
}
