import { extname } from "node:path";
import { ConfigError, describeJsonSyntaxError, nodeFs } from "@awsconn/core";
import {
  checkFilePermissions,
  DEFAULT_MAX_FILE_BYTES,
  describeYamlError,
  linearYamlAliases,
  RegularFileProblem,
  readPlainYaml,
  readRegularFile,
  requireYaml,
  yamlNestingProblem,
} from "@awsconn/source-file";
import type { Document, LineCounter } from "yaml";
import { CODE_ONLY_KEYS } from "./configSchema.js";
import { configLineOf } from "./configLineOf.js";

const warned = new Set<string>();

/**
 * Reads an awsconn configuration file (`.yaml`, `.yml` or `.json`) and returns its plain
 * content, not yet validated. Unreadable or malformed files, anything but a regular file (a FIFO,
 * a device, a socket: refused at once, nothing read), files over 10 MB (counted while reading) and
 * YAML nested deep enough to exhaust the parser are a `ConfigError` naming the file. A syntax error
 * gives the parser's reason and line and column, never the file's text. A file writable by
 * others or owned by another user gets one process warning (it decides where secrets are read
 * from and which endpoints receive credentials).
 *
 * @example
 * ```ts
 * const raw = loadConfigFile("./awsconn.config.yaml"); // { sources: [...], cache: {...} }
 * ```
 */
export function loadConfigFile(path: string): unknown {
  const { value } = readConfigFile(path);
  for (const key of CODE_ONLY_KEYS) {
    if (key in value) throw new ConfigError(`unknown key "${key}" (only allowed in code)`, { origin: path });
  }
  return value;
}

/** What {@link readConfigFile} gives: the file's content and where each key sits in it. */
export interface ConfigFileContent {
  /** The top-level mapping, not yet validated (`{}` for an empty file). */
  value: Record<string, unknown>;
  /** The 1-based line of a key path (`["sources", 0, "type"]`), for `parseConfig`'s `lineOf`. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/**
 * {@link loadConfigFile} that also keeps the position of every key, so that `parseConfig` can
 * report each problem as `file:line` (the keys only code may set are left to `parseConfig`, which
 * reports them among the other problems).
 *
 * @example
 * ```ts
 * const { value, lineOf } = readConfigFile("./awsconn.config.yaml");
 * const config = parseConfig(value, "./awsconn.config.yaml", { lineOf });
 * ```
 */
export function readConfigFile(path: string): ConfigFileContent {
  let text: string;
  try {
    const stats = nodeFs.statSync(path);
    if (stats.size > DEFAULT_MAX_FILE_BYTES)
      throw new ConfigError(
        `the configuration file is ${stats.size} bytes; it is limited to ${DEFAULT_MAX_FILE_BYTES} bytes`,
        { origin: path },
      );
    for (const problem of checkFilePermissions(path, stats, process.platform, "configuration file")) {
      if (problem.kind === "readable" || warned.has(`${problem.kind}:${path}`)) continue;
      warned.add(`${problem.kind}:${path}`);
      process.emitWarning(problem.message, { code: "AWSCONN_CONFIG_PERMISSIONS" });
    }
    text = readRegularFile(path, { maxBytes: DEFAULT_MAX_FILE_BYTES }).toString("utf8");
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof RegularFileProblem)
      throw new ConfigError(`the configuration file ${error.reason}`, { origin: path });
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    throw new ConfigError(`cannot read the configuration file (${code})`, { origin: path, cause: error });
  }
  const ext = extname(path).toLowerCase();
  let value: unknown;
  let lineOf: ConfigFileContent["lineOf"] = () => undefined;
  if (ext === ".json") {
    try {
      value = JSON.parse(text);
    } catch (error) {
      // V8's message quotes the text near the problem: only its kind and place are kept, no cause.
      const p = describeJsonSyntaxError(error, text);
      throw new ConfigError(`is not valid JSON: ${p.reason} (line ${p.line}, column ${p.column})`, {
        origin: path,
      });
    }
    // JSON is YAML: the yaml package gives each key's line, once a problem is reported.
    lineOf = linesWhenAsked(text);
  } else if (ext === ".yaml" || ext === ".yml") {
    const tooDeep = yamlNestingProblem(text);
    if (tooDeep) throw new ConfigError(`${tooDeep.reason} (line ${tooDeep.line})`, { origin: path });
    // A file in YAML's plain block subset (most are) is read without the yaml package; its lines
    // come from linesWhenAsked, so the reader keeps none (depth 0).
    const plain = readPlainYaml(text, 0);
    if (plain) {
      value = plain.value;
      lineOf = linesWhenAsked(text);
    } else {
      const yaml = parseYamlConfig(text, path);
      value = yaml.value;
      lineOf = configLineOf(yaml.doc, yaml.lineCounter);
    }
  } else {
    throw new ConfigError(`unsupported configuration file extension "${ext}"; use .yaml, .yml or .json`, {
      origin: path,
    });
  }
  if (value === null || value === undefined) return { value: {}, lineOf };
  if (!isRecord(value)) throw new ConfigError("expected a mapping at the top level", { origin: path });
  return { value, lineOf };
}

/**
 * The `lineOf` of a text the yaml package has not parsed (JSON, plain YAML): it parses the text
 * for positions the first time a problem asks for a line, so a valid file never loads yaml.
 */
function linesWhenAsked(text: string): ConfigFileContent["lineOf"] {
  let positions: ConfigFileContent["lineOf"] | undefined;
  return (at) => {
    if (!positions) {
      const { LineCounter, parseDocument } = requireYaml();
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, uniqueKeys: false, logLevel: "silent" });
      positions = doc.errors.length === 0 ? configLineOf(doc, lineCounter) : () => undefined;
    }
    return positions(at);
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The YAML 1.2 content of a configuration file; a problem is a `ConfigError` with the parser's reason and place. */
function parseYamlConfig(
  text: string,
  path: string,
): { value: unknown; doc: Document; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = requireYaml();
  const lineCounter = new LineCounter();
  // logLevel "error": the `yaml` package would otherwise print warnings that quote keys.
  const doc = parseDocument(text, { prettyErrors: false, lineCounter, logLevel: "error" });
  const fail = (error: unknown): never => {
    const p = describeYamlError(error, doc, text, lineCounter);
    throw new ConfigError(`is not valid YAML: ${p.reason} (line ${p.line}, column ${p.column})`, {
      origin: path,
    });
  };
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
  if (problem) fail(problem);
  linearYamlAliases(doc);
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }), doc, lineCounter };
  } catch (error) {
    return fail(error);
  }
}
