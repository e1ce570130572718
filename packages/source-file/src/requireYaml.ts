import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const requireHere = createRequire(import.meta.url);
/**
 * The package's one-file copy of `yaml` (package.json `vendored`), found through the package's own
 * name: this code also runs inlined in the `awsconn` bundle (its package.json `inlined`).
 */
const VENDORED_YAML = "dist/yaml.cjs";
let loaded: typeof import("yaml") | undefined;

/**
 * The `yaml` package, loaded on the first call: reading a `.json` or `.env` file never loads it.
 * Synchronous, as the file readers and writers are. A literal `require("yaml")` where `require`
 * exists (the CommonJS build, a bundler's output, which then bundles yaml); else, in Node, the
 * build's one-file copy of yaml (dist/yaml.cjs: one file to read instead of about 70), or the
 * `yaml` package itself where there is no copy (the sources, run by the tests).
 *
 * @example
 * ```ts
 * const { parseDocument } = requireYaml();
 * ```
 */
export function requireYaml(): typeof import("yaml") {
  if (!loaded) loaded = typeof require === "function" ? require("yaml") : vendoredYaml();
  return loaded as typeof import("yaml");
}

function vendoredYaml(): typeof import("yaml") {
  try {
    return requireHere(
      join(dirname(requireHere.resolve("@awsconn/source-file/package.json")), VENDORED_YAML),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    return requireHere("yaml");
  }
}
