import { describe, expect, it } from "vitest";
import { fakeClock, memorySource } from "../test/helpers.js";
import { createResolver } from "./createResolver.js";

describe("merge mode", () => {
  function layered() {
    const env = memorySource("env", {
      aws_default: {
        extra: { region_name: "us-east-1", service_config: { s3: { endpoint_url: "http://local:4566" } } },
      },
    });
    const sm = memorySource("secretsmanager", {
      aws_default: {
        connType: "aws",
        login: "AKIAEXAMPLE",
        password: "secret-from-sm",
        extra: {
          region_name: "eu-west-1",
          role_arn: "arn:aws:iam::123456789012:role/etl",
          service_config: {
            s3: { addressing_style: "path" },
            sts: { endpoint_url: "https://sts.eu-west-1.amazonaws.com" },
          },
        },
      },
    });
    return { env, sm };
  }

  it("higher layers override fields and deep-merge extra of lower ones", async () => {
    const { env, sm } = layered();
    const resolver = createResolver({ sources: [env, sm], mode: "merge", clock: fakeClock() });

    const conn = await resolver.get("aws_default");

    expect(conn.login).toBe("AKIAEXAMPLE");
    expect(conn.password).toBe("secret-from-sm");
    expect(conn.connType).toBe("aws");
    expect(conn.extra).toEqual({
      region_name: "us-east-1",
      role_arn: "arn:aws:iam::123456789012:role/etl",
      service_config: {
        s3: { endpoint_url: "http://local:4566", addressing_style: "path" },
        sts: { endpoint_url: "https://sts.eu-west-1.amazonaws.com" },
      },
    });
  });

  it("explain shows which layer gave each field", async () => {
    const { env, sm } = layered();
    const resolver = createResolver({ sources: [env, sm], mode: "merge", clock: fakeClock() });

    const explanation = await resolver.explain("aws_default");

    expect(explanation.fields).toEqual({
      conn_type: "secretsmanager",
      login: "secretsmanager",
      password: "secretsmanager",
      "extra.region_name": "env",
      "extra.role_arn": "secretsmanager",
      "extra.service_config.s3.endpoint_url": "env",
      "extra.service_config.s3.addressing_style": "secretsmanager",
      "extra.service_config.sts.endpoint_url": "secretsmanager",
    });
    expect(explanation.winner?.source).toBe("env");
    expect(explanation.steps.map((s) => s.outcome)).toEqual(["hit", "hit"]);
  });

  it("asks every layer, and an id in one layer only is that layer's connection", async () => {
    const a = memorySource("a", {});
    const b = memorySource("b", { x: { host: "b.example", port: 5432 } });
    const resolver = createResolver({ sources: [a, b], mode: "merge", clock: fakeClock() });

    const conn = await resolver.get("x");

    expect(conn).toMatchObject({ connId: "x", host: "b.example", port: 5432 });
    expect(a.state.calls).toBe(1);
  });

  it("a scalar in a higher layer replaces an object below it (no half-merged leftovers in provenance)", async () => {
    const hi = memorySource("hi", { x: { extra: { cfg: "plain" } } });
    const lo = memorySource("lo", { x: { extra: { cfg: { nested: 1 } } } });
    const resolver = createResolver({ sources: [hi, lo], mode: "merge", clock: fakeClock() });

    const explanation = await resolver.explain("x");
    expect(explanation.fields).toEqual({ "extra.cfg": "hi" });
    expect((await resolver.get("x")).extra).toEqual({ cfg: "plain" });
  });

  it("printing a merged connection still hides the password", async () => {
    const { env, sm } = layered();
    const resolver = createResolver({ sources: [env, sm], mode: "merge", clock: fakeClock() });
    expect(JSON.stringify(await resolver.get("aws_default"))).not.toContain("secret-from-sm");
  });
});

describe("merge mode with empty strings", () => {
  it("an empty field of a higher layer does not blank out a lower layer's value, but fills a gap", async () => {
    // `aws://?region_name=x` parses with host "" and schema "": they mean "not given".
    const env = memorySource("env", { db: { host: "", schema: "", login: "", extra: {} } });
    const sm = memorySource("secretsmanager", { db: { host: "db.internal", schema: "sales", extra: {} } });
    const resolver = createResolver({ sources: [env, sm], mode: "merge", clock: fakeClock() });

    const conn = await resolver.get("db");
    const explained = await resolver.explain("db");

    expect(conn.host).toBe("db.internal");
    expect(conn.schema).toBe("sales");
    expect(conn.login).toBe("");
    expect(explained.fields).toMatchObject({
      host: "secretsmanager",
      schema: "secretsmanager",
      login: "env",
    });
  });
});
