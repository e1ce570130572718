import type { Connection } from "@awsconn/core";

/**
 * One seeded connection: the id plus the fields the source must give back unchanged (`extra` may
 * be left out and then means `{}`).
 *
 * @example
 * ```ts
 * const seed: SeedConnection = { connId: "warehouse", connType: "postgres", host: "db", password: "planted-pw-1" };
 * ```
 */
export type SeedConnection = Omit<Connection, "extra"> & { extra?: Record<string, unknown> };
