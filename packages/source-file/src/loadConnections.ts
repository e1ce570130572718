import type { Connection } from "@awsconn/core";
import { type Fail, createFileConnection } from "./createFileConnection.js";
import { parseEnvText } from "./parseEnvText.js";
import { parseObjectFile } from "./parseObjectFile.js";
import { isNonStringKey } from "./pyyamlStructure.js";

/** The file formats Airflow's LocalFilesystemBackend reads. */
export type ConnectionsFileFormat = "json" | "yaml" | "env";

/** One connection of a file and the 1-based line of its key. */
export interface FileEntry {
  connection: Connection;
  line: number;
}

/** One problem of a connections file. Reasons never quote the file's text. */
export interface FileProblem {
  /** What is wrong. */
  reason: string;
  /** 1-based line; absent when the problem is the file itself (missing, too large, not UTF-8). */
  line?: number;
  /** The entry the problem belongs to; absent for a problem of the whole file (syntax, shape). */
  connId?: string;
  /** The underlying awsconn error, when there is one (never a foreign error that may quote the text). */
  cause?: unknown;
}

/** Everything {@link loadConnections} found in one pass. */
export interface LoadedConnections {
  /** Every connection that could be read, in file order, whatever its id (an id `get` refuses too). */
  entries: Map<string, FileEntry>;
  /** Every problem, in the order Airflow meets them: `problems[0]` is the one Airflow raises. */
  problems: FileProblem[];
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
 * rules, in one pass: every entry that can be read and every problem, each with its 1-based line
 * (Airflow stops at the first; a reader that fails closed throws `problems[0]`). A problem of the
 * whole file (syntax, not an object) leaves no entries. Newlines are read as Python's
 * universal-newline mode does (`\r\n` and `\r` are `\n`).
 *
 * @example
 * ```ts
 * const { entries, problems } = loadConnections('{"db": "postgres://h/x", "bad": 1}', "json");
 * entries.get("db")?.line; // 1
 * problems[0]?.connId;     // "bad"
 * ```
 */
export function loadConnections(rawText: string, format: ConnectionsFileFormat): LoadedConnections {
  // PyYAML also reads NEL (U+0085) as a line break, the same as "\n" (in every context).
  const text = rawText.replace(format === "yaml" ? /\r\n?|\u0085/g : /\r\n?/g, "\n");
  const entries = new Map<string, FileEntry>();
  const problems: FileProblem[] = [];
  /** Reads one entry; a problem of it is recorded and the other entries are still read. */
  const read = (connId: string, line: number, make: (fail: Fail) => Connection) => {
    try {
      entries.set(connId, { connection: make(entryFail), line });
    } catch (error) {
      if (!(error instanceof EntryProblem)) throw error;
      const id = isNonStringKey(connId) ? undefined : connId;
      problems.push({ reason: error.reason, line: error.line, connId: id, cause: error.cause });
    }
  };

  if (format === "env") {
    const { lines, errors } = parseEnvText(text);
    for (const e of errors) problems.push({ reason: e.reason, line: e.line });
    const byKey = new Map<string, typeof lines>();
    for (const line of lines) {
      const defs = byKey.get(line.key);
      if (defs) defs.push(line);
      else byKey.set(line.key, [line]);
    }
    for (const [key, defs] of byKey) {
      const [def, second] = defs;
      if (second) {
        problems.push({
          reason: `"${key}" is defined more than once (lines ${defs.map((d) => d.line).join(", ")})`,
          line: second.line,
          connId: key,
        });
      } else if (def) {
        read(key, def.line, (fail) => createFileConnection(key, def.value, { line: def.line }, fail));
      }
    }
    return { entries, problems };
  }

  const parsed = parseObjectFile(text, format, "connection ids mapped to connections");
  if (parsed.problem) return { entries, problems: [parsed.problem] };
  const { top, tree } = parsed;
  // File order (a repeated key keeps its first place), then any key brought in by a YAML merge.
  const keys = new Set([...(tree.fields?.keys() ?? [])].filter((k) => Object.hasOwn(top, k)));
  for (const k of Object.keys(top)) keys.add(k);
  for (const key of keys) {
    const entryTree = tree.fields?.get(key) ?? { line: 1 };
    const entry = top[key];
    // A key PyYAML reads as null, a number, a boolean or a date (`null:`, `~:`, `1:`, `yes:`):
    // Airflow still builds the connection (conn_id None), so its value must be one, but keeps it
    // under a Python key that no get_connection(<string>) matches. awsconn checks it the same way
    // and gives it no id.
    if (isNonStringKey(key)) {
      const nobody = (fail: Fail) =>
        createFileConnection("", Array.isArray(entry) ? entry[0] : entry, entryTree, fail);
      if (!Array.isArray(entry) || entry.length === 1) read(key, entryTree.line, nobody);
      else if (entry.length > 1)
        problems.push({
          reason:
            "Found multiple values for a key that is not a string: a list may hold at most one connection",
          line: entryTree.line,
        });
      entries.delete(key);
      continue;
    }
    if (Array.isArray(entry)) {
      if (entry.length > 1) {
        problems.push({
          reason: `Found multiple values for "${key}": a list may hold at most one connection`,
          line: entryTree.line,
          connId: key,
        });
        continue;
      }
      if (entry.length === 0) continue;
      const itemTree = entryTree.items?.[0] ?? entryTree;
      read(key, entryTree.line, (fail) => createFileConnection(key, entry[0], itemTree, fail));
    } else {
      read(key, entryTree.line, (fail) => createFileConnection(key, entry, entryTree, fail));
    }
  }
  return { entries, problems };
}

/** A problem of one entry, carried from `createFileConnection` to the entry's `read`. */
class EntryProblem extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    override readonly cause?: unknown,
  ) {
    super(reason);
  }
}

const entryFail: Fail = (reason, line, cause) => {
  throw new EntryProblem(reason, line, cause);
};
