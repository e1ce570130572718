// Issue 18.4: an id manifest (GetParametersByPath under the prefix) answers misses without a call;
// GetParameters' InvalidParameters are misses.
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { SourceWarning } from "@awsconn/aws-source-common";
import { awsJsonError, useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { fromSsm } from "../src/index.js";

stubAwsTestEnv();
const admin = new SSMClient(awsTestClientConfig());
const proxies = useLoopbackProxies();

const store = (name: string, value: string) =>
  admin.send(new PutParameterCommand({ Name: name, Value: value, Type: "SecureString", Overwrite: true }));

describe("knownIds", () => {
  it("hit, miss without a call, a new parameter after the interval, and a failed listing falls back to per-id calls", async () => {
    const prefix = `/${uniquePrefix("param-known")}`;
    await store(`${prefix}/a`, "aws://host-a");
    await store(`${prefix}/team/b`, "aws://host-b");
    const deny = { list: false };
    const proxy = await proxies.start({
      target: motoEndpoint(),
      respond: (r) =>
        deny.list && r.operation === "GetParametersByPath"
          ? awsJsonError(400, "AccessDeniedException", "no")
          : undefined,
    });
    const clock = { t: 1_000, now: () => clock.t };
    const warnings: SourceWarning[] = [];
    const source = fromSsm({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      prefix,
      knownIds: { refreshSeconds: 300 },
      clock,
      onWarning: (w) => warnings.push(w),
    });
    expect((await source.get("team/b"))?.connection.host).toBe("host-b");
    await expect(source.get("zz")).resolves.toBeUndefined();
    expect(proxy.count("GetParametersByPath")).toBe(1);
    expect(proxy.count("GetParameter")).toBe(1);
    const many = await source.getMany?.(["a", "team/b", "zz"]);
    expect([...(many?.keys() ?? [])].sort()).toEqual(["a", "team/b"]);
    const names = proxy.requests.find((r) => r.operation === "GetParameters")?.body ?? "{}";
    expect((JSON.parse(names) as { Names: string[] }).Names).toEqual([`${prefix}/a`, `${prefix}/team/b`]);

    await store(`${prefix}/c`, "aws://host-c");
    await expect(source.get("c")).resolves.toBeUndefined();
    clock.t += 300_000;
    deny.list = true;
    proxy.reset();
    expect((await source.get("c"))?.connection.host).toBe("host-c");
    await expect(source.get("zz")).resolves.toBeUndefined();
    expect(proxy.count("GetParametersByPath")).toBe(1);
    expect(proxy.count("GetParameter")).toBe(2);
    expect(warnings).toEqual([
      {
        code: "KNOWN_IDS_UNAVAILABLE",
        message: expect.stringMatching(/^ssm: knownIds: .*AccessDeniedException/),
      },
    ]);
  });
});

describe("getMany", () => {
  it("names GetParameters answers in InvalidParameters are misses", async () => {
    const prefix = `/${uniquePrefix("param-invalid")}`;
    await store(`${prefix}/a`, "aws://host-a");
    const proxy = await proxies.counting();
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, prefix });
    const found = await source.getMany?.(["a", "nope", "also_nope"]);
    expect([...(found?.keys() ?? [])]).toEqual(["a"]);
    expect(found?.get("nope")).toBeUndefined();
    expect(proxy.count("GetParameters")).toBe(1);
    expect(proxy.count()).toBe(1);
  });
});
