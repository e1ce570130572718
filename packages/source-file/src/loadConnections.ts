import type { Connection, LineTree } from "@awsconn/core";
import { ConnectionFormatError, parsePythonJson } from "@awsconn/core";
import { type Fail, createFileConnection } from "./createFileConnection.js";
import { parseEnvText } from "./parseEnvText.js";
import { YamlTextError, parseYamlText } from "./parseYamlText.js";

/** The file formats Airflow's LocalFilesystemBackend reads. */
export type ConnectionsFileFormat = "json" | "yaml" | "env";

/** One connection of a file and the 1-based line of its key. */
export interface FileEntry {
  connection: Connection;
  line: number;
}

const FORMATS: Record<string, ConnectionsFileFormat> = {
  json: "json",
  yaml: "yaml",
  yml: "yaml",
  env: "env",
};

/**
 * The format of a path by its extension, case-insensitive (`.json`, `.yaml`, `.yml`, `.env`), as
 * Airflow's `Path(file_path).suffix.lower()`; `undefined` for anything else.
 *
 * @example
 * ```ts
 * formatOfPath("conf/Connections.YML"); // "yaml"
 * ```
 */
export function formatOfPath(path: string): ConnectionsFileFormat | undefined {
  const name = path.split(/[/\\]/).pop() ?? "";
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return undefined;
  return FORMATS[name.slice(dot + 1).toLowerCase()];
}

/**
 * Reads the text of a connections file into its connections by Airflow's `load_connections_dict`
 * rules, reporting the first problem through `fail` with its 1-based line. Newlines are read as
 * Python's universal-newline mode does (`\r\n` and `\r` are `\n`).
 *
 * @example
 * ```ts
 * const entries = loadConnections('{"db": "postgres://h/x"}', "json", fail);
 * entries.get("db")?.line; // 1
 * ```
 */
export function loadConnections(
  rawText: string,
  format: ConnectionsFileFormat,
  fail: Fail,
): Map<string, FileEntry> {
  const text = rawText.replace(/\r\n?/g, "\n");
  const out = new Map<string, FileEntry>();
  if (format === "env") {
    const { lines, errors } = parseEnvText(text);
    const first = errors[0];
    if (first) {
      const more =
        errors.length > 1
          ? ` (and ${errors.length - 1} more malformed line${errors.length > 2 ? "s" : ""})`
          : "";
      return fail(`${first.reason}${more}`, first.line);
    }
    const byKey = new Map<string, typeof lines>();
    for (const line of lines) {
      const defs = byKey.get(line.key);
      if (defs) defs.push(line);
      else byKey.set(line.key, [line]);
    }
    for (const [key, defs] of byKey) {
      const [def, second] = defs;
      if (second) {
        return fail(
          `"${key}" is defined more than once (lines ${defs.map((d) => d.line).join(", ")})`,
          second.line,
        );
      }
      if (def)
        out.set(key, {
          connection: createFileConnection(key, def.value, { line: def.line }, fail),
          line: def.line,
        });
    }
    return out;
  }

  if (text === "") return fail("The file is empty.", 1);
  let value: unknown;
  let tree: LineTree;
  try {
    ({ value, tree } = format === "json" ? parseJsonFile(text) : parseYamlText(text));
  } catch (error) {
    // Python's json.loads message or the YAML parser's, at its line; never the text.
    if (error instanceof ConnectionFormatError || error instanceof YamlTextError)
      return fail(error.reason, error.line ?? 1);
    // JSON deeper than core's 980-level bound (Python: RecursionError), or a YAML stack overflow.
    if (error instanceof RangeError) return fail("the file is nested too deeply", 1);
    throw error;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail("The file should contain an object: connection ids mapped to connections.", 1);
  }
  const top = value as Record<string, unknown>;
  // File order (a repeated key keeps its first place), then any key brought in by a YAML merge.
  const keys = new Set([...(tree.fields?.keys() ?? [])].filter((k) => Object.hasOwn(top, k)));
  for (const k of Object.keys(top)) keys.add(k);
  for (const key of keys) {
    const entryTree = tree.fields?.get(key) ?? { line: 1 };
    const entry = top[key];
    if (Array.isArray(entry)) {
      if (entry.length > 1)
        return fail(
          `Found multiple values for "${key}": a list may hold at most one connection`,
          entryTree.line,
        );
      if (entry.length === 0) continue;
      const itemTree = entryTree.items?.[0] ?? entryTree;
      out.set(key, { connection: createFileConnection(key, entry[0], itemTree, fail), line: entryTree.line });
    } else {
      out.set(key, { connection: createFileConnection(key, entry, entryTree, fail), line: entryTree.line });
    }
  }
  return out;
}

/** A `.json` connections file as Airflow's `json.loads` reads it, with the line of every key. */
function parseJsonFile(text: string): { value: unknown; tree: LineTree } {
  const { value, lines } = parsePythonJson(text, { lines: true });
  return { value, tree: lines };
}
