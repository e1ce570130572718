// getMany over more than one GetParameters call (10 names a call): a call that fails after earlier
// calls were answered keeps their outcomes; only the ids still open get the failure (BatchHits).
// A fake client stands in for SSM: the second call is throttled, which moto cannot do.
import type { SSMClient } from "@aws-sdk/client-ssm";
import { BatchHits } from "@awsconn/aws-source-common";
import { SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { fromSsm } from "../src/index.js";

const IDS = Array.from({ length: 12 }, (_, i) => `conn_${String(i).padStart(2, "0")}`);

/** A client whose GetParameters answers the names `has` (default all), except on the calls in `failOn`. */
function fakeClient(failOn: number[], has: (name: string) => boolean = () => true) {
  const calls: string[][] = [];
  const client = {
    config: {},
    async send(command: { input: { Names?: string[] } }) {
      const names = command.input.Names ?? [];
      calls.push(names);
      if (failOn.includes(calls.length))
        throw Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
      return {
        Parameters: names.filter(has).map((Name) => ({
          Name,
          Value: `http://${Name.split("/").pop()}.internal`,
          Version: 1,
        })),
      };
    },
  };
  return { calls, client: client as unknown as SSMClient };
}

describe("getMany: a later GetParameters call fails", () => {
  it("keeps the hits of the calls answered before it; the ids still open fail with its error", async () => {
    const { calls, client } = fakeClient([2]);
    const found = await fromSsm({ client }).getMany?.(IDS);
    expect(calls.map((names) => names.length)).toEqual([10, 2]);
    expect(found).toBeInstanceOf(BatchHits);
    for (const id of IDS.slice(0, 10)) expect(found?.get(id)?.connection.host).toBe(`${id}.internal`);
    for (const id of IDS.slice(10)) {
      expect(() => found?.get(id)).toThrow(SourceError);
      expect(() => found?.get(id)).toThrow(/ThrottlingException/);
    }
    expect((found as BatchHits).failures.size).toBe(2);
    // Iterating never mistakes a failure for "not here".
    expect(() => [...(found ?? [])]).toThrow(SourceError);
  });

  it("a first call that fails still fails the whole getMany (nothing was answered)", async () => {
    const { client } = fakeClient([1]);
    await expect(fromSsm({ client }).getMany?.(IDS)).rejects.toThrow(/ThrottlingException/);
  });

  it("with a team: an id whose global name went unanswered (and no scoped hit) fails, the others keep their hits", async () => {
    // 6 ids -> 12 names: the 6 scoped names and 4 global ones in the first call, 2 global in the second.
    const ids = IDS.slice(0, 6);
    const { calls, client } = fakeClient([2], (name) => !name.includes("--"));
    const found = await fromSsm({ client, team: "team_a" }).getMany?.(ids);
    expect(calls.map((names) => names.length)).toEqual([10, 2]);
    for (const id of ids.slice(0, 4)) expect(found?.get(id)?.connection.host).toBe(`${id}.internal`);
    for (const id of ids.slice(4)) expect(() => found?.get(id)).toThrow(/ThrottlingException/);
  });
});
