import type { Connection } from "./Connection.js";

/** Options every source call accepts. */
export interface SourceCallOptions {
  /** Aborts the call; the promise then rejects promptly with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * A connection found by a source, with exactly where it came from.
 *
 * @example
 * ```ts
 * { connection, origin: "secretsmanager:airflow/connections/aws_default@3f1c...", version: "3f1c..." }
 * ```
 */
export interface SourceHit {
  /** The parsed connection. */
  connection: Connection;
  /**
   * Where it came from: `env:AIRFLOW_CONN_AWS_DEFAULT`, `file:conf/connections.yaml:12`,
   * `secretsmanager:airflow/connections/aws_default@<VersionId>`, `ssm:/airflow/connections/aws_default#<Version>`.
   */
  origin: string;
  /** The backend's version of the value, when it has one (VersionId, parameter version). */
  version?: string;
}

/**
 * One place connections can be found. `get` is required; the rest are optional capabilities.
 * `undefined` from `get` means "not here"; any failure of the backend is a thrown `SourceError`.
 *
 * @example
 * ```ts
 * const memory: ConnectionSource = {
 *   name: "memory",
 *   async get(id) { return id === "x" ? { connection: { connId: "x", extra: {} }, origin: "memory:x" } : undefined; },
 * };
 * ```
 */
export interface ConnectionSource {
  /** `env`, `file`, `secretsmanager`, `ssm`, or a user-defined name. */
  readonly name: string;
  /**
   * Whether answers come from a remote backend (a network call). A resolver caches a remote
   * source's answers and reads a live one (`remote: false`) on every lookup. Absent: the resolver
   * decides (`env` and `file` are live, any other source is treated as remote).
   */
  readonly remote?: boolean;
  /** Looks one id up. Resolves `undefined` when the source does not have it. */
  get(connId: string, options?: SourceCallOptions): Promise<SourceHit | undefined>;
  /** Looks many ids up in as few backend calls as possible; ids not found are absent from the map. */
  getMany?(connIds: readonly string[], options?: SourceCallOptions): Promise<Map<string, SourceHit>>;
  /** The ids this source holds. */
  list?(options?: SourceCallOptions): AsyncIterable<string>;
  /** Creates or replaces a connection. */
  put?(connection: Connection, options?: SourceCallOptions): Promise<void>;
}
