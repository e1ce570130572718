import { basename, extname } from "node:path";
import type { ConnectionSource } from "@awsconn/core";
import { lazySource } from "./lazySource.js";
import { loadPlugin, type PluginPlace } from "./loadPlugin.js";
import type { PluginSourceConfig } from "./types.js";

/**
 * A plugin's source before and after it is loaded: a {@link lazySource} under the entry's name,
 * plus `loaded()`, the plugin's own source (loading it if needed).
 *
 * @example
 * ```ts
 * const vault: PluginSource = pluginSource(entry, place);
 * (await vault.loaded()).remote; // the plugin's own flag
 * ```
 */
export interface PluginSource extends ConnectionSource {
  /** Loads the plugin (once; a failed load is tried again on the next call) and returns its source. */
  loaded(): Promise<ConnectionSource>;
}

/**
 * The source of a `type: plugin` entry, loaded on first use: nothing is resolved or imported
 * until the first lookup (or `loaded()`); a failed load (a `ConfigError` naming the entry) is
 * retried on the next one. Its name is the entry's `name`, else {@link pluginName}.
 *
 * @example
 * ```ts
 * const vault = pluginSource({ type: "plugin", module: "@acme/awsconn-source-vault" }, { baseDir, path: "sources[2]" });
 * vault.name; // "vault"; nothing loaded yet
 * ```
 */
export function pluginSource(config: PluginSourceConfig, place: PluginPlace): PluginSource {
  let loading: Promise<ConnectionSource> | undefined;
  const loaded = (): Promise<ConnectionSource> => {
    loading ??= loadPlugin(config, place).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return Object.assign(lazySource(config.name ?? pluginName(config.module), loaded), { loaded });
}

/**
 * The default name of a plugin source, from its `module`: a package's name without its scope and
 * an `awsconn-source-` prefix, a file's name without its extension.
 *
 * @example
 * ```ts
 * pluginName("@acme/awsconn-source-vault"); // "vault"
 * pluginName("./sources/dir-source.mjs");    // "dir-source"
 * ```
 */
export function pluginName(module: string): string {
  const isPath = module.startsWith(".") || module.startsWith("/") || /^[A-Za-z]:[\\/]/.test(module);
  if (isPath) return basename(module, extname(module)) || "plugin";
  const parts = module.split("/");
  const pkg = (module.startsWith("@") ? parts[1] : parts[0]) ?? module;
  return pkg.replace(/^awsconn-source-/, "") || "plugin";
}
