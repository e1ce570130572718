import { statSync } from "node:fs";
import { extname } from "node:path";
import { ConfigError, describeJsonSyntaxError } from "@awsconn/core";
import {
  checkFilePermissions,
  DEFAULT_MAX_FILE_BYTES,
  describeYamlError,
  linearYamlAliases,
  RegularFileProblem,
  readRegularFile,
  yamlNestingProblem,
} from "@awsconn/source-file";
import { LineCounter, parseDocument } from "yaml";

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
  let text: string;
  try {
    const stats = statSync(path);
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
  } else if (ext === ".yaml" || ext === ".yml") {
    value = parseYamlConfig(text, path);
  } else {
    throw new ConfigError(`unsupported configuration file extension "${ext}"; use .yaml, .yml or .json`, {
      origin: path,
    });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value))
    throw new ConfigError("expected a mapping at the top level", { origin: path });
  for (const key of ["logger", "clock", "configFile"]) {
    if (key in value) throw new ConfigError(`unknown key "${key}" (only allowed in code)`, { origin: path });
  }
  return value;
}

/** The YAML 1.2 content of a configuration file; a problem is a `ConfigError` with the parser's reason and place. */
function parseYamlConfig(text: string, path: string): unknown {
  const tooDeep = yamlNestingProblem(text);
  if (tooDeep) throw new ConfigError(`${tooDeep.reason} (line ${tooDeep.line})`, { origin: path });
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
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return fail(error);
  }
}
