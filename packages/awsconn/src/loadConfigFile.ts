import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { ConfigError } from "@awsconn/core";
import { parse as parseYaml } from "yaml";

/**
 * Reads an awsconn configuration file (`.yaml`, `.yml` or `.json`) and returns its plain
 * content, not yet validated. Unreadable or malformed files are a `ConfigError` naming the file.
 *
 * @example
 * ```ts
 * const raw = loadConfigFile("./awsconn.config.yaml"); // { sources: [...], cache: {...} }
 * ```
 */
export function loadConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    throw new ConfigError(`cannot read the configuration file (${code})`, { origin: path, cause: error });
  }
  const ext = extname(path).toLowerCase();
  let value: unknown;
  try {
    if (ext === ".json") value = JSON.parse(text);
    else if (ext === ".yaml" || ext === ".yml")
      value = parseYaml(text, { maxAliasCount: 100, prettyErrors: true });
    else
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
