import { readFileSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, resolve } from "node:path";
import { ConfigError, isAwsconnError, isValidConnId, validateConnId } from "@awsconn/core";
import { type NormalizedConfig, discoverConfig, fromFile, parseConfig, readConfigFile } from "awsconn";
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

/** What `check` found in one file. */
export interface FileCheck {
  file: string;
  kind: CheckedKind;
  /** Connections read (connections file), or sources configured (config file). */
  count: number;
  problems: Problem[];
  /** Permission warnings, as `get` gives them. */
  warnings: string[];
  /** For a config file: the connections files it names, as absolute paths. */
  names?: string[];
}

/**
 * Checks one file: a connections file (`.json`, `.yaml`, `.yml`, `.env`) exactly as the file
 * source reads it (source-file's `fromFile(...).check()`: the same size limit, UTF-8 rule, parse
 * and permission warnings, every entry and every problem in one pass), or an awsconn config file
 * (named `awsconn.config.*`, or a mapping whose `sources` is a list) against the config schema.
 * Problems never contain a secret.
 *
 * @example
 * ```ts
 * for (const p of (await checkFile("connections.yaml")).problems) console.log(`${p.file}:${p.line}: ${p.message}`);
 * ```
 */
export async function checkFile(file: string): Promise<FileCheck> {
  if (/^awsconn\.config\.(ya?ml|json)$/i.test(basename(file))) return checkConfigFile(file);
  const connections = await checkConnectionsFile(file);
  // A config read as connections: its `sources` list is an entry with a problem (more than one
  // item, or an item with a `type` key). Only then is the file read again, as a config.
  const configLike =
    extname(file).toLowerCase() !== ".env" && connections.problems.some((p) => p.connId === "sources");
  return configLike ? checkConfigFile(file) : strip(connections);
}

/**
 * The files `awsconn check` with no argument checks: the configuration `get` would use (`--config`,
 * `AWSCONN_CONFIG`, `./awsconn.config.*`, Airflow's settings; see `discoverConfig`) when it is a
 * file, and every connections file that configuration names.
 *
 * @example
 * ```ts
 * const { origin, config, files } = discoveredFiles(undefined, process.env, process.cwd());
 * ```
 */
export function discoveredFiles(
  explicit: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
): { origin: string; config?: string; files: string[] } {
  try {
    const found = discoverConfig(explicit, { env, cwd });
    const config = isAbsolute(found.origin) ? found.origin : undefined;
    return { origin: found.origin, config, files: config ? [] : namedFiles(found.config, found.baseDir) };
  } catch (error) {
    // An invalid config file: check it, which reports the problem at its line.
    const origin = error instanceof ConfigError ? error.origin : undefined;
    if (origin && isAbsolute(origin)) return { origin, config: origin, files: [] };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------

async function checkConnectionsFile(file: string): Promise<ConnectionsCheck> {
  const report = await fromFile({ path: file, logger: { warn: () => {} } }).check();
  const problems: LoaderProblem[] = report.problems.map((p) => ({
    file,
    ...(p.line !== undefined ? { line: p.line } : {}),
    message: p.reason,
    connId: p.connId,
  }));
  // `get` refuses these ids before any lookup: the entry can never be used.
  for (const [id, entry] of report.entries) {
    if (!isValidConnId(id)) problems.push({ file, line: entry.line, message: idProblem(id) });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    file,
    kind: "connections",
    count: report.entries.size,
    problems,
    warnings: report.warnings.map((w) => w.message),
  };
}

/** A problem with the entry it belongs to (absent for the file's own). */
type LoaderProblem = Problem & { connId?: string };
interface ConnectionsCheck extends FileCheck {
  problems: LoaderProblem[];
}

function strip(check: ConnectionsCheck): FileCheck {
  return { ...check, problems: check.problems.map(({ connId: _c, ...p }) => p) };
}

function idProblem(id: string): string {
  try {
    validateConnId(id);
  } catch (error) {
    return (error as Error).message;
  }
  return "invalid connection id";
}

async function checkConfigFile(file: string): Promise<FileCheck> {
  const check: FileCheck = { file, kind: "config", count: 0, problems: [], warnings: [] };
  try {
    const { value, lineOf } = readConfigFile(file);
    const config = parseConfig(value, file, { lineOf });
    check.count = config.sources.length;
    check.names = namedFiles(config, dirname(resolve(file)));
  } catch (error) {
    // A configuration's ConfigError lists every problem, each with its key path and line.
    if (error instanceof ConfigError && error.problems.length > 1) {
      for (const p of error.problems) {
        const line = p.line ?? (p.path ? lineOfPath(textOf(file), p.path) : undefined);
        const message = p.path ? `${p.path}: ${p.message}` : p.message;
        check.problems.push({ file, ...(line !== undefined ? { line } : {}), message });
      }
    } else check.problems.push(problemOf(file, error));
  }
  return check;
}

/** The connections files of a configuration's `file` sources, resolved as the resolver does. */
function namedFiles(config: NormalizedConfig, baseDir: string): string[] {
  return config.sources.flatMap((s) =>
    "type" in s && s.type === "file" && typeof s.path === "string" ? [resolve(baseDir, s.path)] : [],
  );
}

function problemOf(file: string, error: unknown): Problem {
  if (!isAwsconnError(error))
    return { file, message: error instanceof Error ? error.message : String(error) };
  const e = error as { line?: number; reason?: string; path?: string; origin?: string; message: string };
  let message = e.reason ?? e.message;
  if (error instanceof ConfigError && e.origin) {
    const where = `${e.origin}${e.line !== undefined ? `:${e.line}` : ""}: `;
    if (message.startsWith(where)) message = message.slice(where.length);
  }
  const causeLine = (error.cause as { linePos?: { line: number }[] } | undefined)?.linePos?.[0]?.line;
  const line = e.line ?? causeLine ?? (e.path ? lineOfPath(textOf(file), e.path) : undefined);
  return { file, ...(line !== undefined ? { line } : {}), message };
}

function textOf(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
