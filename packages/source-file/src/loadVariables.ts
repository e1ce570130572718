import type { ConnectionsFileFormat, FileProblem } from "./loadConnections.js";
import { parseEnvText } from "./parseEnvText.js";
import { parseObjectFile } from "./parseObjectFile.js";
import { isNonStringKey } from "./pyyamlStructure.js";

/** One Variable of a file and the 1-based line of its key. */
export interface VariableEntry {
  value: string;
  line: number;
}

/** Everything {@link loadVariables} found in one pass. */
export interface LoadedVariables {
  /** Every string-valued Variable, by key, in file order. */
  entries: Map<string, VariableEntry>;
  /**
   * Every problem, in file order (in `.env`, the malformed lines before the keys defined twice, as
   * Airflow reports them); a reader that fails closed throws `problems[0]`.
   */
  problems: FileProblem[];
}

/**
 * Reads the text of a Variables file by Airflow's `load_variables` rules (`variables_file_path` of
 * the `LocalFilesystemBackend`): `.env` lines `KEY=VALUE` (a key defined twice is an error, as
 * Airflow's `VariableNotUnique`), or a JSON / YAML object of keys to values. A `null` value is
 * "not here" (Airflow's `get_variable` returns `None`, so `Variable.get` looks further). A value
 * that is not a string (a number, boolean, list or object) is a problem at its line: Airflow hands
 * the Python object itself to the task, which awsconn's string values cannot carry; quote it.
 * Entries and problems are in file order (Python's dict order). Lines are 1-based; newlines as
 * Python's universal-newline mode.
 *
 * @example
 * ```ts
 * loadVariables('{"region": "eu-west-1"}', "json").entries.get("region"); // { value: "eu-west-1", line: 1 }
 * ```
 */
export function loadVariables(rawText: string, format: ConnectionsFileFormat): LoadedVariables {
  // PyYAML also reads NEL (U+0085) as a line break, the same as "\n" (in every context).
  const text = rawText.replace(format === "yaml" ? /\r\n?|\u0085/g : /\r\n?/g, "\n");
  const entries = new Map<string, VariableEntry>();
  const problems: FileProblem[] = [];
  if (format === "env") {
    const { lines, errors } = parseEnvText(text);
    for (const e of errors) problems.push({ reason: e.reason, line: e.line });
    const firstLine = new Map<string, number>();
    for (const { key, value, line } of lines) {
      const first = firstLine.get(key);
      if (first !== undefined) {
        problems.push({
          reason: `"${key}" is defined more than once (lines ${first}, ${line})`,
          line,
          connId: key,
        });
        entries.delete(key);
        continue;
      }
      firstLine.set(key, line);
      entries.set(key, { value, line });
    }
    // The line errors first, as Airflow raises them before it looks at duplicate keys.
    return { entries, problems };
  }
  const parsed = parseObjectFile(text, format, "Variable keys mapped to values");
  if (parsed.problem) return { entries, problems: [parsed.problem] };
  const { top, tree } = parsed;
  // PyYAML's order: the keys a YAML merge (`<<`) brought in first (flatten_mapping puts the merged
  // pairs before the mapping's own, wherever the `<<` stands), then file order, as Python's dict
  // keeps it (a repeated key keeps its first place). Not Object.keys(top) alone: a JavaScript object
  // would list integer-like keys ("1", "31") first.
  const own = [...(tree.fields?.keys() ?? [])].filter((k) => Object.hasOwn(top, k));
  const ownKeys = new Set(own);
  const keys = new Set(Object.keys(top).filter((k) => !ownKeys.has(k)));
  for (const k of own) keys.add(k);
  for (const key of keys) {
    // A key PyYAML reads as null, a number, a boolean or a date: Airflow keeps the variable under
    // a Python key that no get_variable(<string>) matches, so it is nobody's.
    if (isNonStringKey(key)) continue;
    const v = top[key];
    const line = tree.fields?.get(key)?.line ?? 1;
    if (v === null || v === undefined) continue;
    if (typeof v === "string") entries.set(key, { value: v, line });
    else
      problems.push({
        reason: `the value of "${key}" is ${describe(v)}, not a string; awsconn serves Variables as strings: quote the value (or store it as a JSON string)`,
        line,
        connId: key,
      });
  }
  return { entries, problems };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (value instanceof Uint8Array) return "binary data (!!binary)";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
