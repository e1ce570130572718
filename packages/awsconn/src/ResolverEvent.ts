/**
 * An event of the resolver. No event ever carries a secret.
 *
 * @example
 * ```ts
 * { type: "stale", connId: "aws_default", source: "secretsmanager", origin: "secretsmanager:...", ageSeconds: 412, error: "secretsmanager: throttled" }
 * ```
 */
export type ResolverEvent =
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
