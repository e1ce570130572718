import { type Connection, createConnection, isSafeConnection, type SourceHit } from "@awsconn/core";

/**
 * The hit with a connection that is safe to print: awsconn's own parsers already return such
 * connections; a custom source's plain object is copied into one (the source's object is left as it is).
 *
 * @example
 * ```ts
 * const hit = protectHit(await mySource.get("db")); // console.log(hit.connection) shows password ***
 * ```
 */
export function protectHit<T extends SourceHit | undefined>(hit: T): T {
  if (!hit || isSafeConnection(hit.connection)) return hit;
  const plain = hit.connection as Connection;
  const extra = plain.extra !== null && typeof plain.extra === "object" ? { ...plain.extra } : {};
  return { ...hit, connection: createConnection({ ...plain, extra }) };
}
