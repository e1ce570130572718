import type { Connection } from "./Connection.js";
import type { SourceHit } from "./ConnectionSource.js";

/**
 * How a source names where its hits came from without keeping that text in each hit: an
 * enumerable `origin` accessor whose getter builds the text from the hit itself (its connection's
 * id and its version) when it is read. Make one per source and give it to every hit
 * ({@link hitWithOrigin}): hits made with the same one share one V8 shape and one getter, so the
 * origin costs a cached hit nothing (a Secrets Manager origin, `secretsmanager:<SecretId>@<VersionId>`,
 * is about 100 B of text, a quarter of a cached connection).
 *
 * @example
 * ```ts
 * const origin = hitOrigin((hit) => `secretsmanager:airflow/connections/${hit.connection.connId}@${hit.version}`);
 * ```
 */
export interface HitOrigin {
  readonly get: (this: SourceHit) => string;
  readonly enumerable: true;
  readonly configurable: false;
}

/**
 * A {@link HitOrigin} for `originOf`, which is given the hit whose `origin` is read.
 *
 * @example
 * ```ts
 * const origin = hitOrigin((hit) => `ssm:/airflow/connections/${hit.connection.connId}`);
 * hitWithOrigin(connection, undefined, origin).origin; // "ssm:/airflow/connections/aws_default"
 * ```
 */
export function hitOrigin(originOf: (hit: SourceHit) => string): HitOrigin {
  return {
    get(this: SourceHit) {
      return originOf(this);
    },
    enumerable: true,
    configurable: false,
  };
}

/**
 * A hit `{ connection, version?, origin }`. `origin` is either the text itself (a data property)
 * or a {@link HitOrigin} (an own enumerable accessor, so spreading, `JSON.stringify` and deep
 * equality see it as a plain field). `version` is left out when `undefined`.
 *
 * @example
 * ```ts
 * hitWithOrigin(connection, "v1", origin); // { connection, version: "v1", origin: <built when read> }
 * hitWithOrigin(connection, undefined, "file:conns.yaml:3"); // { connection, origin: "file:conns.yaml:3" }
 * ```
 */
export function hitWithOrigin(
  connection: Connection,
  version: string | undefined,
  origin: HitOrigin | string,
): SourceHit {
  if (typeof origin === "string") {
    return version === undefined ? { connection, origin } : { connection, origin, version };
  }
  const hit = (version === undefined ? { connection } : { connection, version }) as SourceHit;
  return Object.defineProperty(hit, "origin", origin);
}
