import { fileURLToPath } from "node:url";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { expect, it } from "vitest";

// Each trace imports an entry in a fresh node process and lists every module it loaded;
// traceModuleLoads' own test shows the same trace does see an @aws-sdk import.
const sdk = (m: string) => m.includes("@aws-sdk") || m.includes("@smithy");

it("importing @awsconn/credentials loads no AWS SDK module", async () => {
  const trace = await traceModuleLoads(fileURLToPath(new URL("../src/index.ts", import.meta.url)));
  const loaded = [...trace.esm, ...trace.cjs];
  expect(loaded.some((m) => m.endsWith("/credentials/src/resolveAwsConfig.ts"))).toBe(true);
  expect(loaded.filter(sdk)).toEqual([]);
}, 60_000);

it("resolving and using a static-keys connection loads no AWS SDK module either", async () => {
  const trace = await traceModuleLoads(
    fileURLToPath(new URL("./fixtures/resolveStaticKeys.ts", import.meta.url)),
  );
  const loaded = [...trace.esm, ...trace.cjs];
  expect(loaded.some((m) => m.endsWith("/credentials/src/memoizeCredentials.ts"))).toBe(true);
  expect(loaded.filter(sdk)).toEqual([]);
}, 60_000);
