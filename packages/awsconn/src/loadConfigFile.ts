import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { ConfigError } from "@awsconn/core";
import { checkFilePermissions, DEFAULT_MAX_FILE_BYTES, yamlNestingProblem } from "@awsconn/source-file";
import { parse as parseYaml } from "yaml";

const warned = new Set<string>();

/**
 * Reads an awsconn configuration file (`.yaml`, `.yml` or `.json`) and returns its plain
 * content, not yet validated. Unreadable or malformed files, files over 10 MB and YAML nested
 * deep enough to exhaust the parser are a `ConfigError` naming the file. A file writable by
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
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    throw new ConfigError(`cannot read the configuration file (${code})`, { origin: path, cause: error });
  }
  const ext = extname(path).toLowerCase();
  let value: unknown;
  try {
    if (ext === ".json") value = JSON.parse(text);
    else if (ext === ".yaml" || ext === ".yml") {
      const tooDeep = yamlNestingProblem(text);
      if (tooDeep) throw new ConfigError(`${tooDeep.reason} (line ${tooDeep.line})`, { origin: path });
      value = parseYaml(text, { maxAliasCount: 100, prettyErrors: true });
    } else
      throw new ConfigError(`unsupported configuration file extension "${ext}"; use .yaml, .yml or .json`, {
        origin: path,
      });
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const where = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new ConfigError(
      `is not valid ${ext === ".json" ? "JSON" : "YAML"}${where ? ` (line ${where})` : ""}`,
      {
        origin: path,
        cause: error,
      },
    );
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value))
    throw new ConfigError("expected a mapping at the top level", { origin: path });
  for (const key of ["logger", "clock", "configFile"]) {
    if (key in value) throw new ConfigError(`unknown key "${key}" (only allowed in code)`, { origin: path });
  }
  return value;
}
