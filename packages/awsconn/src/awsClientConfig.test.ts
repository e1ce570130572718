import { describe, expect, it } from "vitest";
import { fakeClock, memorySource } from "../test/helpers.js";
import { createResolver } from "./createResolver.js";

describe("getAwsClientConfig", () => {
  it("turns an aws connection into SDK client config with static keys, region and endpoint", async () => {
    const sm = memorySource("secretsmanager", {
      aws_default: {
        connType: "aws",
        login: "AKIASTATIC",
        password: "static-secret",
        extra: { region_name: "eu-central-1", endpoint_url: "http://localhost:4566" },
      },
    });
    const resolver = createResolver({ sources: [sm], clock: fakeClock() });

    const config = await resolver.getAwsClientConfig("aws_default", "s3");

    expect(config.method).toBe("static");
    expect(config.region).toBe("eu-central-1");
    expect(config.endpoint).toBe("http://localhost:4566");
    await expect(config.credentials()).resolves.toMatchObject({
      accessKeyId: "AKIASTATIC",
      secretAccessKey: "static-secret",
    });
  });

  it("reuses the config (and its credential provider) while the connection is unchanged, per service", async () => {
    const sm = memorySource("secretsmanager", {
      aws_default: { connType: "aws", login: "AKIA1", password: "s1" },
    });
    const resolver = createResolver({ sources: [sm], clock: fakeClock() });

    const a = await resolver.getAwsClientConfig("aws_default", "s3");
    expect(await resolver.getAwsClientConfig("aws_default", "s3")).toBe(a);
    expect(await resolver.getAwsClientConfig("aws_default", "sts")).not.toBe(a);

    sm.state.data.aws_default = { connType: "aws", login: "AKIA2", password: "s2" };
    resolver.invalidate("aws_default");
    const b = await resolver.getAwsClientConfig("aws_default", "s3");
    expect(b).not.toBe(a);
    expect((await b.credentials()).accessKeyId).toBe("AKIA2");
  });

  it("a live env connection that changes gets a new config; an unchanged one keeps it", async () => {
    const env = memorySource("env", { aws_default: { connType: "aws", login: "AKIA1", password: "s1" } });
    const resolver = createResolver({ sources: [env], clock: fakeClock() });
    const a = await resolver.getAwsClientConfig("aws_default");
    expect(await resolver.getAwsClientConfig("aws_default")).toBe(a);
    env.state.data.aws_default = { connType: "aws", login: "AKIA9", password: "s9" };
    expect((await (await resolver.getAwsClientConfig("aws_default")).credentials()).accessKeyId).toBe(
      "AKIA9",
    );
  });
});
