import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type ConnectionSource,
  ConfigError,
  isAwsconnError,
  redactForeignError,
  scrubText,
} from "@awsconn/core";
import { importFile } from "./importFile.js";
import type { PluginSourceConfig } from "./types.js";

/**
 * Where a plugin entry sits, for resolution and error messages.
 *
 * @example
 * ```ts
 * { baseDir: "/etc/awsconn", path: "sources[2]", origin: "/etc/awsconn/awsconn.config.yaml" }
 * ```
 */
export interface PluginPlace {
  /** The folder `module` is resolved from: the config file's folder, else the working directory. */
  baseDir: string;
  /** The entry's key path (`sources[2]`); every error names it. */
  path: string;
  /** Where the configuration came from (a file path), when known. */
  origin?: string;
}

/**
 * The second argument a plugin factory receives (the first is the entry's `options`, untouched).
 *
 * @example
 * ```ts
 * export default function fromDirectory(options: { path: string }, context: PluginContext) {
 *   const dir = resolve(context.baseDir, options.path); // relative to the config file, like a file source
 * }
 * ```
 */
export interface PluginContext {
  /** The config file's folder (else the working directory): resolve relative paths in `options` from it. */
  baseDir: string;
  /** The entry's key path (`sources[2]`), for the plugin's own error messages. */
  path: string;
}

/**
 * Loads a `type: plugin` entry's source:
 * 1. `module` is resolved from `baseDir` as Node's `require.resolve` does from a file in that
 *    folder (a package in a `node_modules` folder there or above, through its `exports`, or a
 *    relative/absolute path; the `require`/`node`/`default` export conditions apply);
 * 2. the resolved file is loaded with `import()` (ESM or CommonJS);
 * 3. the factory is the default export, or the named `export`; it is called with `options`
 *    untouched and a {@link PluginContext}, and may return the source or a promise of it;
 * 4. the result must be a `ConnectionSource`: a string `name`, a `get` function, and `getMany`,
 *    `list`, `put` functions and `remote` a boolean where present.
 * Every failure is a `ConfigError` naming the entry (`sources[2].module: ...`) and what to do. A
 * factory's own error is kept as `cause` in redacted form; its message is quoted with the string
 * options scrubbed out, or as it is when the plugin threw an awsconn error (`ConfigError`).
 *
 * @example
 * ```ts
 * const vault = await loadPlugin({ type: "plugin", module: "@acme/awsconn-source-vault", options: { address } }, { baseDir: "/etc/awsconn", path: "sources[2]" });
 * ```
 */
export async function loadPlugin(config: PluginSourceConfig, place: PluginPlace): Promise<ConnectionSource> {
  const at = (key?: string) => ({
    path: key ? `${place.path}.${key}` : place.path,
    ...(place.origin ? { origin: place.origin } : {}),
  });
  const file = resolvePlugin(config.module, place, at("module"));
  let loaded: Record<string, unknown>;
  try {
    loaded = (await importFile(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(
      `the plugin module "${config.module}" (${file}) failed to load (${nameOf(error)}${messageOf(error, config.options)}); fix or reinstall it`,
      { ...at("module"), cause: redactForeignError(error, { withhold: true }) },
    );
  }
  const exportName = config.export ?? "default";
  const factory = loaded[exportName];
  if (typeof factory !== "function") {
    const names = Object.keys(loaded).filter((k) => typeof loaded[k] === "function");
    const hint = names.length ? `its function exports: ${names.join(", ")}` : "it exports no function";
    throw new ConfigError(
      `the plugin module "${config.module}" has no ${config.export ? `export "${exportName}"` : "default export"} that is a factory function (${hint}); name the factory with \`export:\``,
      at(config.export ? "export" : "module"),
    );
  }
  let made: unknown;
  try {
    made = await factory(config.options, {
      baseDir: place.baseDir,
      path: place.path,
    } satisfies PluginContext);
  } catch (error) {
    throw new ConfigError(
      `the plugin "${config.module}" refused its options (${nameOf(error)}${messageOf(error, config.options)})`,
      { ...at("options"), cause: redactForeignError(error, { withhold: !isAwsconnError(error) }) },
    );
  }
  const wrong = notASource(made);
  if (wrong) {
    throw new ConfigError(
      `the factory of the plugin "${config.module}" returned ${wrong}, not a ConnectionSource (an object with a string name and a get(connId) method); check the plugin's version`,
      at(),
    );
  }
  return made as ConnectionSource;
}

// ---------------------------------------------------------------------------------------------

function resolvePlugin(module: string, place: PluginPlace, at: { path: string; origin?: string }): string {
  try {
    return createRequire(join(place.baseDir, "noop.js")).resolve(module);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const relative = module.startsWith(".") || module.startsWith("/");
    const fix =
      code === "ERR_PACKAGE_PATH_NOT_EXPORTED"
        ? `its package.json "exports" offers no "require", "node" or "default" condition for it; add a "default" one`
        : relative
          ? "relative paths are taken from the config file's folder; give the file's extension (.mjs, .js, .cjs)"
          : `install it there (npm install ${packageName(module)}) or give a path`;
    throw new ConfigError(`cannot find the plugin module "${module}" from ${place.baseDir}: ${fix}`, {
      ...at,
      cause: redactForeignError(error, { withhold: true }),
    });
  }
}

function packageName(module: string): string {
  const parts = module.split("/");
  return module.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? module);
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** `: message` of a thrown error: an awsconn error's as it is, any other with the string options scrubbed out. */
function messageOf(error: unknown, options: unknown): string {
  if (!(error instanceof Error) || !error.message) return "";
  if (isAwsconnError(error)) return `: ${error.message}`;
  return `: ${scrubText(error.message, stringsIn(options)).slice(0, 300)}`;
}

function stringsIn(value: unknown, depth = 0): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object" || depth > 8) return [];
  return Object.values(value).flatMap((v) => stringsIn(v, depth + 1));
}

/** What is wrong with a factory's result, in words; `undefined` when it is a ConnectionSource. */
function notASource(value: unknown): string | undefined {
  if (value === null || typeof value !== "object")
    return value === undefined ? "nothing" : `a ${typeof value}`;
  const v = value as Record<string, unknown>;
  if (typeof v.name !== "string" || v.name.length === 0) return "an object without a string name";
  if (typeof v.get !== "function") return "an object without a get() method";
  for (const method of ["getMany", "list", "put"])
    if (v[method] !== undefined && typeof v[method] !== "function")
      return `an object whose ${method} is not a function`;
  if (v.remote !== undefined && typeof v.remote !== "boolean")
    return "an object whose remote is not a boolean";
  return undefined;
}
