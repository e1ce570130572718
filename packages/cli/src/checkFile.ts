import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { ConfigError, isAwsconnError, validateConnId } from "@awsconn/core";
import {
  type ConnectionsFileFormat,
  type FileEntry,
  formatOfPath,
  loadConfigFile,
  loadConnections,
  parseConfig,
} from "awsconn";
import { isMap, isNode, isScalar, LineCounter, parseDocument, parse as parseYaml } from "yaml";
import { lineOfPath } from "./lineOfPath.js";

/** One problem `check` found. */
export interface Problem {
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
}

/** What kind of file `check` thinks it is looking at. */
export type CheckedKind = "connections" | "config";

/**
 * An awsconn config file: named `awsconn.config.*`, or a YAML/JSON mapping with a `sources` list
 * (a connections file maps ids to URIs or field objects, so it cannot have one).
 *
 * @example
 * ```ts
 * kindOf("conf/awsconn.config.yaml", text); // "config"
 * ```
 */
export function kindOf(path: string, text: string): CheckedKind {
  if (/^awsconn\.config\.(ya?ml|json)$/i.test(basename(path))) return "config";
  if (extname(path).toLowerCase() === ".env") return "connections";
  try {
    const value = parseYaml(text, { maxAliasCount: 100 }) as { sources?: unknown } | null;
    return value !== null && typeof value === "object" && Array.isArray(value.sources)
      ? "config"
      : "connections";
  } catch {
    return "connections"; // a syntax error: the connections loader reports it with its line
  }
}

/**
 * Validates one file and lists its problems (an empty list when it is fine): connection files
 * (`.json`, `.yaml`, `.yml`, `.env`) are read with Airflow's local-filesystem rules, config files
 * against the awsconn config schema. Problems never contain a secret.
 *
 * @example
 * ```ts
 * for (const p of await checkFile("connections.yaml")) console.log(`${p.file}:${p.line}: ${p.message}`);
 * ```
 */
export async function checkFile(
  file: string,
): Promise<{ kind?: CheckedKind; problems: Problem[]; count: number }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return {
      problems: [{ file, message: `cannot read the file (${(error as NodeJS.ErrnoException).code})` }],
      count: 0,
    };
  }
  const kind = kindOf(file, text);
  return kind === "config"
    ? { kind, ...(await checkConfig(file, text)) }
    : { kind, ...(await checkConnections(file, text)) };
}

class EntryProblem extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(reason);
  }
}

const fail = (reason: string, line: number): never => {
  throw new EntryProblem(reason, line);
};

/** Runs source-file's loader (Airflow's LocalFilesystemBackend rules) and returns its first problem, if any. */
function firstProblem(
  load: typeof loadConnections,
  text: string,
  format: ConnectionsFileFormat,
): { entries?: Map<string, FileEntry>; problem?: EntryProblem } {
  try {
    return { entries: load(text, format, fail) };
  } catch (error) {
    if (error instanceof EntryProblem) return { problem: error };
    throw error;
  }
}

async function checkConnections(file: string, text: string): Promise<{ problems: Problem[]; count: number }> {
  const format = formatOfPath(file);
  if (!format)
    return {
      problems: [{ file, message: "unsupported file type; use .json, .yaml, .yml or .env" }],
      count: 0,
    };
  const whole = firstProblem(loadConnections, text, format);
  const found = new Map<number, string>();
  if (whole.problem) found.set(whole.problem.line, whole.problem.reason);
  // The loader stops at the first problem; check each entry on its own to report the others too.
  for (const part of whole.problem ? entriesOf(text, format) : []) {
    if ([...found.keys()].some((line) => line >= part.firstLine && line <= part.lastLine)) continue;
    const one = firstProblem(loadConnections, part.text, part.format);
    if (one.problem)
      found.set(part.firstLine + (part.format === "env" ? one.problem.line - 1 : 0), one.problem.reason);
  }
  for (const [id, entry] of whole.entries ?? []) {
    try {
      validateConnId(id);
    } catch (error) {
      found.set(entry.line, (error as Error).message);
    }
  }
  const problems = [...found].sort(([a], [b]) => a - b).map(([line, message]) => ({ file, line, message }));
  return { problems, count: whole.entries?.size ?? 0 };
}

/** The file's entries as standalone texts: one `.env` line each, or each top-level key as a JSON document. */
function entriesOf(
  text: string,
  format: ConnectionsFileFormat,
): { text: string; format: ConnectionsFileFormat; firstLine: number; lastLine: number }[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (format === "env") {
    return lines
      .map((line, i) => ({ text: `${line}\n`, format, firstLine: i + 1, lastLine: i + 1 }))
      .filter((e) => e.text.trim() !== "" && !e.text.trim().startsWith("#"));
  }
  if (format === "json") {
    try {
      JSON.parse(text);
    } catch {
      return []; // a syntax error: the loader's own message and line say it all
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  return doc.contents.items.flatMap((pair) => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const start = isNode(pair.key) ? pair.key.range?.[0] : undefined;
    const end = isNode(pair.value) ? pair.value.range?.[1] : start;
    if ((typeof key !== "string" && typeof key !== "number") || start === undefined || end === undefined)
      return [];
    const value = isNode(pair.value) ? pair.value.toJSON() : pair.value;
    return [
      {
        text: JSON.stringify({ [String(key)]: value }),
        format: "json" as const,
        firstLine: lineCounter.linePos(start).line,
        lastLine: lineCounter.linePos(Math.max(start, end - 1)).line,
      },
    ];
  });
}

async function checkConfig(file: string, text: string): Promise<{ problems: Problem[]; count: number }> {
  try {
    const config = parseConfig(loadConfigFile(file), file);
    return { problems: [], count: config.sources.length };
  } catch (error) {
    return { problems: [problemOf(file, text, error)], count: 0 };
  }
}

function problemOf(file: string, text: string, error: unknown, connId?: string): Problem {
  if (!isAwsconnError(error))
    return { file, message: error instanceof Error ? error.message : String(error) };
  const e = error as { line?: number; reason?: string; path?: string; origin?: string; message: string };
  let message = e.reason ?? e.message;
  if (error instanceof ConfigError && e.origin && message.startsWith(`${e.origin}: `)) {
    message = message.slice(e.origin.length + 2);
  }
  const causeLine = (error.cause as { linePos?: { line: number }[] } | undefined)?.linePos?.[0]?.line;
  const line =
    e.line ??
    causeLine ??
    (e.path ? lineOfPath(text, e.path) : connId ? lineOfPath(text, [connId]) : undefined);
  if (connId && !message.includes(connId)) message = `${connId}: ${message}`;
  return { file, ...(line !== undefined ? { line } : {}), message };
}
