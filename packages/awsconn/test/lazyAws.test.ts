import { fileURLToPath } from "node:url";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { describe, expect, it } from "vitest";

const sdkModules = (trace: { esm: string[]; cjs: string[] }) =>
  [...trace.esm, ...trace.cjs].filter((m) => m.includes("@aws-sdk") || m.includes("@smithy"));

describe("the AWS SDK is loaded only when an AWS source is asked", () => {
  it("a resolver over env and file (with AWS sources configured below them) loads no @aws-sdk module", async () => {
    const trace = await traceModuleLoads(
      fileURLToPath(new URL("./fixtures/useEnvAndFile.ts", import.meta.url)),
    );

    expect(trace.esm.some((m) => m.includes("/packages/awsconn/src/createResolver.ts"))).toBe(true);
    expect(trace.esm.some((m) => m.includes("/packages/source-file/"))).toBe(true);
    expect(sdkModules(trace)).toEqual([]);
  }, 60_000);

  it("control: once Secrets Manager is asked, the SDK is loaded", async () => {
    const trace = await traceModuleLoads(
      fileURLToPath(new URL("./fixtures/useSecretsManager.ts", import.meta.url)),
    );

    expect(sdkModules(trace).some((m) => m.includes("client-secrets-manager"))).toBe(true);
  }, 60_000);
});
