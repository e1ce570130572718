import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { ConfigError, type ConnectionSource, isAwsconnError, validateConnId } from "@awsconn/core";
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
  return /^(sources|"sources")\s*:/m.test(text) && /^\s*-\s*(type|\{)|"type"\s*:/m.test(text)
    ? "config"
    : "connections";
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

async function checkConnections(file: string, text: string): Promise<{ problems: Problem[]; count: number }> {
  const { fromFile } = (await import("@awsconn/source-file")) as unknown as {
    fromFile(init: { path: string }): ConnectionSource;
  };
  const source = fromFile({ path: file });
  const problems: Problem[] = [];
  const ids: string[] = [];
  try {
    if (!source.list) throw new Error("@awsconn/source-file cannot list ids");
    for await (const id of source.list()) ids.push(id);
  } catch (error) {
    return { problems: [problemOf(file, text, error)], count: 0 };
  }
  for (const id of ids) {
    try {
      validateConnId(id);
      await source.get(id);
    } catch (error) {
      problems.push(problemOf(file, text, error, id));
    }
  }
  return { problems, count: ids.length };
}

async function checkConfig(file: string, text: string): Promise<{ problems: Problem[]; count: number }> {
  const facade = (await import("awsconn")) as unknown as {
    loadConfigFile(path: string): unknown;
    parseConfig(raw: unknown, origin?: string): { sources: unknown[] };
  };
  try {
    const config = facade.parseConfig(facade.loadConfigFile(file), file);
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
