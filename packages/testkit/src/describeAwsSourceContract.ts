import type { ConnectionSource } from "@awsconn/core";
import { connectionToJson, createConnection } from "@awsconn/core";
import {
  DEFAULT_CONTRACT_SEED,
  describeConnectionSource,
  type SeedConnection,
  seededSecrets,
} from "@awsconn/source-kit";
import type { LoopbackProxy } from "./startLoopbackProxy.js";

/** How {@link describeAwsSourceContract} stores connections and reads them back. */
export interface AwsSourceContractOptions {
  /** A fresh, unused prefix for a label (`"contract"`, `"corrupt"`): see `uniquePrefix`. */
  prefix: (label: string) => string;
  /** Stores `value` under `name` in the shared moto server (a secret, a parameter...). */
  store: (name: string, value: string) => Promise<unknown>;
  /** The source under test reading below `prefix`, through a counting proxy to moto. */
  counted: (prefix: string) => Promise<{ proxy: LoopbackProxy; source: ConnectionSource }>;
  /** The connections to store. Default `DEFAULT_CONTRACT_SEED`. */
  seed?: readonly SeedConnection[];
}

/**
 * The `ConnectionSource` contract suite ({@link describeConnectionSource}) for an AWS source
 * reading names `prefix + "/" + connId` from moto: each seed connection is stored as Airflow's
 * connection JSON, lookups are counted by the proxy, and a second store holds truncated JSON that
 * still carries the seed's secrets (the errors must not show them).
 *
 * @example
 * ```ts
 * describeAwsSourceContract("ssm (moto)", {
 *   prefix: (label) => `/${uniquePrefix(label)}`,
 *   store: (name, value) => admin.send(new PutParameterCommand({ Name: name, Value: value, Type: "SecureString" })),
 *   counted: (prefix) => counted({ prefix }),
 * });
 * ```
 */
export function describeAwsSourceContract(title: string, options: AwsSourceContractOptions): void {
  const subject = async (prefix: string) => {
    const { proxy, source } = await options.counted(prefix);
    return { source, lookups: () => proxy.count(), cleanup: () => proxy.close() };
  };
  describeConnectionSource(
    title,
    async (seed) => {
      const prefix = options.prefix("contract");
      for (const c of seed) {
        await options.store(`${prefix}/${c.connId}`, JSON.stringify(connectionToJson(createConnection(c))));
      }
      return subject(prefix);
    },
    options.seed ?? DEFAULT_CONTRACT_SEED,
    {
      makeCorruptSource: async (seed) => {
        const prefix = options.prefix("corrupt");
        for (const c of seed) {
          // Truncated JSON that still carries the planted secrets.
          const secrets = seededSecrets([c]).map((s) => `"${s}"`);
          await options.store(
            `${prefix}/${c.connId}`,
            `{"password": ${secrets[0] ?? '"x"'}, "extra": [${secrets.join(",")}`,
          );
        }
        return subject(prefix);
      },
    },
  );
}
