import { isConnectionSource } from "./sourceEntryKinds.js";
import type { Clock } from "./Clock.js";
import type { ResolverLogger } from "./ResolverEvent.js";

/** True for a string `new RegExp(s, "i")` accepts (a `lookupPattern`). */
function isRegexSource(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    new RegExp(value, "i");
    return true;
  } catch {
    return false;
  }
}

/** True for an absolute URL the WHATWG parser accepts (an `endpoint`: `http://127.0.0.1:5000`). */
function isAbsoluteUrl(value: unknown): boolean {
  return typeof value === "string" && URL.canParse(value);
}

/** True for a logger: a function, or an object with a `warn()` method. */
function isResolverLogger(value: unknown): value is ResolverLogger {
  return (
    typeof value === "function" ||
    (typeof value === "object" && value !== null && "warn" in value && typeof value.warn === "function")
  );
}

/** True for a clock: an object with a `now()` method. */
function isClock(value: unknown): value is Clock {
  return typeof value === "object" && value !== null && "now" in value && typeof value.now === "function";
}

/**
 * The checks of the configuration that JSON Schema cannot express, by name. The zod schemas in
 * configSchema.ts use these very functions (`z.custom`, `.refine`), and the generated shape
 * (configShape.generated.ts) names them in `x-awsconn-check`, so that quickConfig runs the same
 * check without zod. A check that is not listed here is marked `"zod"` there: quickConfig then
 * leaves the value to zod.
 *
 * @example
 * ```ts
 * CONFIG_CHECKS.clock({ now: () => 0 }); // true
 * CONFIG_CHECKS.regex("(");              // false
 * ```
 */
export const CONFIG_CHECKS = {
  connectionSource: isConnectionSource,
  logger: isResolverLogger,
  clock: isClock,
  regex: isRegexSource,
  url: isAbsoluteUrl,
} as const;

/**
 * What each check of {@link CONFIG_CHECKS} says of a value that fails it (then `, got <value>`):
 * the zod schemas' messages, and quickConfig's own where zod is not installed.
 */
export const CONFIG_CHECK_MESSAGES: Readonly<Record<keyof typeof CONFIG_CHECKS, string>> = {
  connectionSource: "expected a ConnectionSource (an object with a name and a get() method)",
  logger: "expected a function or an object with a warn() method",
  clock: "expected an object with a now() method",
  regex: "is not a valid regular expression",
  url: "is not an absolute URL (like http://127.0.0.1:5000)",
};

/** The name of a check in {@link CONFIG_CHECKS}. */
export type ConfigCheckName = keyof typeof CONFIG_CHECKS;
