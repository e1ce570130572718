import { createRequire } from "node:module";
import type * as Zod from "zod";

const requireHere = createRequire(import.meta.url);
let loaded: typeof Zod | undefined;

/**
 * `zod`, loaded on the first call: a resolver that needs no validation (the default `[env]`
 * configuration, built in code) never loads it. Synchronous, because `createResolver` reports a bad
 * configuration at once. A literal `require("zod")` where `require` exists (the CommonJS build, a
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
