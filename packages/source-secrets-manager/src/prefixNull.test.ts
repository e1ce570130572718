import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { ConfigError, createConnection } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { fromSecretsManager } from "./fromSecretsManager.js";

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
  return { sent, client: client as unknown as SecretsManagerClient };
}

describe("fromSecretsManager({ prefix: null }): connections switched off, as Airflow's connections_prefix=None", () => {
  it("answers 'not here' for every id, one or many, and lists nothing, without a request", async () => {
    const { sent, client } = recordingClient();
    const source = fromSecretsManager({ prefix: null, client });
    expect(await source.get("aws_default")).toBeUndefined();
    expect(await source.getMany?.(["a", "b"])).toEqual(new Map());
    const listed: string[] = [];
    for await (const id of source.list?.() ?? []) listed.push(id);
    expect(listed).toEqual([]);
    expect(sent).toEqual([]);
  });

  it("refuses to write, with a ConfigError naming the prefix", async () => {
    const { sent, client } = recordingClient();
    const source = fromSecretsManager({ prefix: null, client });
    await expect(source.put?.(createConnection({ connId: "x", connType: "aws" }))).rejects.toThrow(
      ConfigError,
    );
    expect(sent).toEqual([]);
  });

  it("still refuses an invalid id and a bad lookupPattern", async () => {
    const { client } = recordingClient();
    await expect(fromSecretsManager({ prefix: null, client }).get("bad id")).rejects.toThrow();
    expect(() => fromSecretsManager({ prefix: null, client, lookupPattern: "(" })).toThrow(ConfigError);
  });
});
