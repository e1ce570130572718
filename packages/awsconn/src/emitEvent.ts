import type { ResolverEvent, ResolverLogger } from "./ResolverEvent.js";

/** Sends one event to the logger. */
export type Emit = (event: ResolverEvent) => void;

/** The event types a console-like logger gets through `warn`. */
const WARN_TYPES = new Set<ResolverEvent["type"]>([
  "stale",
  "error",
  "warning",
  "variable-stale",
  "variable-error",
]);

function describe(e: ResolverEvent): string {
  switch (e.type) {
    case "hit":
      return `awsconn: ${e.connId} found in ${e.source} (${e.origin})`;
    case "miss":
      return `awsconn: ${e.connId} not found (looked in: ${e.sources.join(", ")})`;
    case "stale":
      return `awsconn: serving a stale ${e.connId} from ${e.source}, ${Math.round(e.ageSeconds)} s old, because: ${e.error}`;
    case "error":
      return `awsconn: ${e.source} failed for ${e.connId}${e.skipped ? " (skipped)" : ""}: ${e.error}`;
    case "warning":
      return `awsconn: ${e.message}`;
    case "refresh":
      return `awsconn: background refresh of ${e.connId} from ${e.source}: ${e.outcome}`;
    case "variable-hit":
      return `awsconn: Variable ${e.key} found in ${e.source} (${e.origin})`;
    case "variable-miss":
      return `awsconn: Variable ${e.key} not found (looked in: ${e.sources.join(", ")})`;
    case "variable-stale":
      return `awsconn: serving a stale Variable ${e.key} from ${e.source}, ${Math.round(e.ageSeconds)} s old, because: ${e.error}`;
    case "variable-error":
      return `awsconn: ${e.source} failed for Variable ${e.key}${e.skipped ? " (skipped)" : ""}: ${e.error}`;
    case "variable-refresh":
      return `awsconn: background refresh of Variable ${e.key} from ${e.source}: ${e.outcome}`;
  }
}

/**
 * Makes the event sender for a logger: a function receives the event itself; a console-like
 * object gets a one-line message plus the event (`warn` for `stale`, `error`, `warning` and their
 * Variable forms `variable-stale`, `variable-error`; `debug` or
 * `info` for the rest). A throwing logger never breaks a lookup.
 *
 * @example
 * ```ts
 * const emit = makeEmit(console);
 * emit({ type: "miss", connId: "x", sources: ["env"], ms: 0.1 });
 * ```
 */
export function makeEmit(logger: ResolverLogger | undefined): Emit {
  if (!logger) return () => {};
  return (event) => {
    try {
      if (typeof logger === "function") return logger(event);
      const warn = WARN_TYPES.has(event.type);
      const send = warn ? logger.warn : (logger.debug ?? logger.info);
      send?.call(logger, describe(event), event);
    } catch {
      // a logger must not break lookups
    }
  };
}
