import { createRequire } from "node:module";
import type * as Zod from "zod";

const requireHere = createRequire(import.meta.url);
let loaded: typeof Zod | undefined;

/**
 * `zod`, loaded on the first call, which comes only when a configuration needs it: the default
 * `[env]` configuration is not validated, and a valid configuration object or file passes
 * quickConfig (a check against the JSON Schema generated from the zod schemas) without zod. zod is
 * loaded for what that check leaves to it: an invalid configuration (zod explains every problem)
 * or a value only zod checks (a node the generator marks `"zod"`; none today). Synchronous, because `createResolver` reports a
 * bad configuration at once. A literal `require("zod")` where `require` exists (the CommonJS build, a
 * bundler's output, which then bundles zod), else Node's `require` from this module's folder.
 *
 * @example
 * ```ts
 * const { z } = requireZod();
 * ```
 */
export function requireZod(): typeof Zod {
  if (!loaded) loaded = typeof require === "function" ? require("zod") : requireHere("zod");
  return loaded as typeof Zod;
}
