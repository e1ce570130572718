import type { ConnectionSource } from "@awsconn/core";
import { ConfigError, createConnection } from "@awsconn/core";
import { describe, expect, it } from "vitest";

/** Makes the AWS source under test with `prefix: null` and the given client (and options). */
export type PrefixNullFactory = (init: {
  prefix: null;
  client: never;
  lookupPattern?: string;
}) => ConnectionSource;

// A client that records every request: with prefix null there must be none.
function recordingClient() {
  const sent: unknown[] = [];
  const client = {
    send: async (command: unknown) => {
      sent.push(command);
      throw new Error("no request expected");
    },
    destroy() {},
  };
  return { sent, client: client as never };
}

/**
 * The `prefix: null` rules every AWS source keeps (Airflow's `connections_prefix=None`): every id
 * is "not here", one or many, `list()` is empty, `put()` is a `ConfigError`, all without a request;
 * invalid ids and bad lookup patterns are still refused.
 *
 * @example
 * ```ts
 * describeAwsSourcePrefixNull("fromSsm", (init) => fromSsm(init));
 * ```
 */
export function describeAwsSourcePrefixNull(name: string, make: PrefixNullFactory): void {
  describe(`${name}({ prefix: null }): connections switched off, as Airflow's connections_prefix=None`, () => {
    it("answers 'not here' for every id, one or many, and lists nothing, without a request", async () => {
      const { sent, client } = recordingClient();
      const source = make({ prefix: null, client });
      expect(await source.get("aws_default")).toBeUndefined();
      expect(await source.getMany?.(["a", "b"])).toEqual(new Map());
      const listed: string[] = [];
      for await (const id of source.list?.() ?? []) listed.push(id);
      expect(listed).toEqual([]);
      expect(sent).toEqual([]);
    });

    it("refuses to write, with a ConfigError naming the prefix", async () => {
      const { sent, client } = recordingClient();
      const source = make({ prefix: null, client });
      await expect(source.put?.(createConnection({ connId: "x", connType: "aws" }))).rejects.toThrow(
        ConfigError,
      );
      expect(sent).toEqual([]);
    });

    it("still refuses an invalid id and a bad lookupPattern", async () => {
      const { client } = recordingClient();
      await expect(make({ prefix: null, client }).get("bad id")).rejects.toThrow();
      expect(() => make({ prefix: null, client, lookupPattern: "(" })).toThrow(ConfigError);
    });
  });
}
