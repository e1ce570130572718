import { createRequire } from "node:module";
import type * as Zod from "zod";

const requireHere = createRequire(import.meta.url);
let loaded: typeof Zod | null | undefined;

/**
 * `zod`, loaded on the first call, which comes only when a configuration needs it: the default
 * `[env]` configuration is not validated, and a valid configuration object or file passes
 * quickConfig (a check against the JSON Schema generated from the zod schemas) without zod. zod is
 * loaded for what that check leaves to it: an invalid configuration (zod explains every problem)
 * or a value only zod checks (a node the generator marks `"zod"`; none today). Synchronous, because
 * `createResolver` reports a bad configuration at once.
 *
 * Found with Node's `require` from this module's folder, which bundlers do not follow: an app
 * bundle carries no zod (about 570 KB of a Lambda bundle's 1.8 MB). Where it is not installed, as
 * in such a bundle, this is `undefined`, and parseConfig reports quickConfig's own first problem.
 *
 * @example
 * ```ts
 * const zod = requireZod(); // undefined where zod is not installed
 * ```
 */
export function requireZod(): typeof Zod | undefined {
  if (loaded === undefined) {
    try {
      loaded = requireHere("zod") as typeof Zod;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
      loaded = null;
    }
  }
  return loaded ?? undefined;
}
