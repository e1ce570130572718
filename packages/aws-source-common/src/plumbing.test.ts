import { ConfigError, SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { compileLookupPattern } from "./airflowNaming/compileLookupPattern.js";
import { connIdUnder } from "./airflowNaming/connIdUnder.js";
import { failureFor } from "./failureFor.js";
import { lazyClient } from "./lazyClient.js";
import { awsErrorNameOf, toSourceError } from "./toSourceError.js";

describe("toSourceError", () => {
  it("names the operation and target, keeps the cause, marks retryable errors", async () => {
    const throttled = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
    const error = await toSourceError(throttled, {
      source: "ssm",
      what: 'GetParameter "/airflow/connections/x"',
    });
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ source: "ssm", retryable: true, awsErrorName: "ThrottlingException" });
    expect(error.message).toContain('GetParameter "/airflow/connections/x" failed');
    expect(error.message).toContain("ThrottlingException: Rate exceeded (retryable)");
    expect(error.cause).toBe(throttled);
  });

  it("takes the error name from name, then Code, then code, ignoring a bare 'Error'", () => {
    expect(awsErrorNameOf(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe("ECONNREFUSED");
    expect(awsErrorNameOf({ name: "Error", Code: "AccessDenied", code: "E" })).toBe("AccessDenied");
    expect(awsErrorNameOf("boom")).toBe("Error");
  });

  it("cuts a long backend message at 300 characters", async () => {
    const error = await toSourceError(new Error("y".repeat(1000)), {
      source: "ssm",
      what: 'GetParameter "n"',
    });
    expect(error.message).toContain(`${"y".repeat(300)}…`);
    expect(error.message).not.toContain("y".repeat(301));
  });
});

describe("failureFor", () => {
  it("returns the abort reason when the caller's signal was aborted", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    controller.abort(reason);
    expect(await failureFor("ssm")(new Error("socket hang up"), "GetParameter", "n", controller.signal)).toBe(
      reason,
    );
  });

  it("otherwise a SourceError of that source, with the secrets scrubbed", async () => {
    const error = await failureFor("secretsmanager")(
      new Error("bad value hunter2"),
      "PutSecretValue",
      "id",
      undefined,
      ["hunter2"],
    );
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ source: "secretsmanager", retryable: false });
    expect((error as Error).message).toContain("bad value ***");
    expect((error as Error).message).not.toContain("hunter2");
  });
});

describe("compileLookupPattern", () => {
  it("matches case-insensitively at the start only, the same on every call", () => {
    const m = compileLookupPattern("aws_");
    expect([m("AWS_default"), m("aws_x"), m("aws_x"), m("my_aws_x")]).toEqual([true, true, true, false]);
    expect(compileLookupPattern(undefined)("anything")).toBe(true);
  });

  it("refuses a pattern JavaScript cannot compile with a ConfigError naming the path", () => {
    const error = (() => {
      try {
        compileLookupPattern("(", "sources[2].lookupPattern");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain("sources[2].lookupPattern");
  });
});

describe("lazyClient", () => {
  it("uses a ready client and never creates one", async () => {
    const ready = { id: "ready" };
    let created = 0;
    const client = lazyClient(ready, async () => {
      created++;
      return { id: "new" };
    });
    expect(await client()).toBe(ready);
    expect(created).toBe(0);
  });

  it("creates once for concurrent callers, and again after a failed creation", async () => {
    let created = 0;
    const client = lazyClient<{ n: number }>(undefined, async () => {
      created++;
      if (created === 1) throw new Error("no region");
      return { n: created };
    });
    await expect(client()).rejects.toThrow("no region");
    const [a, b] = await Promise.all([client(), client()]);
    expect(a).toBe(b);
    expect(a).toEqual({ n: 2 });
    expect(await client()).toBe(a);
    expect(created).toBe(2);
  });
});

describe("connIdUnder", () => {
  it("gives the id under the head when it is a valid id the pattern accepts", () => {
    const all = () => true;
    expect(connIdUnder("airflow/connections/team/aws", "airflow/connections/", all)).toBe("team/aws");
    expect(connIdUnder("other/aws", "airflow/connections/", all)).toBeUndefined();
    expect(connIdUnder("airflow/connections/has space", "airflow/connections/", all)).toBeUndefined();
    expect(connIdUnder("p/x", "p/", compileLookupPattern("aws"))).toBeUndefined();
  });
});
