/**
 * An event of the resolver. No event ever carries a secret (nor a Variable's value).
 *
 * Connection lookups send `hit`, `miss`, `stale`, `error` and `refresh`, which name the connection
 * as `connId`. Variable lookups send the same kinds of event as their own types, `variable-hit`,
 * `variable-miss`, `variable-stale`, `variable-error` and `variable-refresh` (see
 * {@link VariableEvent}), which name the Variable as `key` and carry `kind: "variable"`: a
 * handler written for connection events keeps its types (`connId` is still a `string` wherever
 * `type` is `hit`...), and one event type per metric stays apart. `warning` is about a source, for
 * either kind of lookup.
 *
 * @example
 * ```ts
 * { type: "stale", connId: "aws_default", source: "secretsmanager", origin: "secretsmanager:...", ageSeconds: 412, error: "secretsmanager: throttled" }
 * { type: "variable-error", kind: "variable", key: "region", source: "ssm", code: "SOURCE_FAILED", error: "ssm: throttled", skipped: true }
 * ```
 */
export type ResolverEvent =
  | VariableEvent
  | { type: "hit"; connId: string; source: string; origin: string; ms: number }
  | { type: "miss"; connId: string; sources: string[]; ms: number }
  | { type: "stale"; connId: string; source: string; origin: string; ageSeconds: number; error: string }
  | { type: "error"; connId: string; source: string; code: string; error: string; skipped: boolean }
  | {
      /** A source answers in a slower way than asked (`BATCH_FALLBACK`, `KNOWN_IDS_UNAVAILABLE`), still correctly. */
      type: "warning";
      source: string;
      code: string;
      message: string;
    }
  | {
      type: "refresh";
      connId: string;
      /** The cached source that refreshed the id in the background. */
      source: string;
      outcome: "updated" | "unchanged" | "failed";
      ms: number;
    };

/**
 * An event of a Variable lookup (`resolver.getVariable`, `getVariables`, `preloadVariables`,
 * `explainVariable`): the connection events' shapes with `key` for `connId`, `kind: "variable"`,
 * and a `variable-` type. Never a value.
 *
 * @example
 * ```ts
 * createResolver({ logger: (e) => { if (e.type === "variable-miss") console.warn(`no Variable ${e.key}`); } });
 * ```
 */
export type VariableEvent =
  | { type: "variable-hit"; kind: "variable"; key: string; source: string; origin: string; ms: number }
  | { type: "variable-miss"; kind: "variable"; key: string; sources: string[]; ms: number }
  | {
      type: "variable-stale";
      kind: "variable";
      key: string;
      source: string;
      origin: string;
      ageSeconds: number;
      error: string;
    }
  | {
      type: "variable-error";
      kind: "variable";
      key: string;
      source: string;
      code: string;
      error: string;
      skipped: boolean;
    }
  | {
      type: "variable-refresh";
      kind: "variable";
      key: string;
      source: string;
      outcome: "updated" | "unchanged" | "failed";
      ms: number;
    };

/**
 * True for the events of Variable lookups ({@link VariableEvent}).
 *
 * @example
 * ```ts
 * createResolver({ logger: (e) => { if (!isVariableEvent(e) && e.type === "miss") alert(e.connId); } });
 * ```
 */
export function isVariableEvent(event: ResolverEvent): event is VariableEvent {
  return (event as { kind?: unknown }).kind === "variable";
}

/**
 * Receives events: a function, or a console-like object (`warn` for stale/error/warning, `debug` or `info` for the rest).
 *
 * @example
 * ```ts
 * createResolver({ logger: (event) => metrics.increment(`awsconn.${event.type}`) });
 * createResolver({ logger: console });
 * ```
 */
export type ResolverLogger =
  | ((event: ResolverEvent) => void)
  | {
      warn(message: string, event: ResolverEvent): void;
      info?(message: string, event: ResolverEvent): void;
      debug?(message: string, event: ResolverEvent): void;
    };
