import { createRequire } from "node:module";

const requireHere = createRequire(import.meta.url);
let loaded: typeof import("yaml") | undefined;

/**
 * The `yaml` package, loaded on the first call: reading a `.json` or `.env` file never loads it.
 * Synchronous, as the file readers and writers are. A literal `require("yaml")` where `require`
 * exists (the CommonJS build, a bundler's output, which then bundles yaml), else Node's `require`
 * from this module's folder (the `yaml` package serves CommonJS to Node either way).
 *
 * @example
 * ```ts
 * const { parseDocument } = requireYaml();
 * ```
 */
export function requireYaml(): typeof import("yaml") {
  if (!loaded) loaded = typeof require === "function" ? require("yaml") : requireHere("yaml");
  return loaded as typeof import("yaml");
}
