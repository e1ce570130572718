import { fileURLToPath } from "node:url";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { expect, it } from "vitest";

// Imports the package entry in a fresh node process and lists every module it loaded.
// traceModuleLoads' own test shows the same trace does see an @aws-sdk import.
// Issue 17: `yaml` is loaded when a YAML file is read or written, not by the import.
it("importing @awsconn/source-file loads no @aws-sdk module and no yaml", async () => {
  const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));
  const trace = await traceModuleLoads(entry);
  const loaded = [...trace.esm, ...trace.cjs];
  expect(loaded.some((m) => m.endsWith("/source-file/src/fromFile.ts"))).toBe(true);
  expect(loaded.some((m) => m.includes("/core/src/"))).toBe(true);
  expect(loaded.filter((m) => m.includes("/node_modules/yaml/"))).toEqual([]);
  expect(loaded.filter((m) => m.includes("@aws-sdk") || m.includes("@smithy"))).toEqual([]);
}, 60_000);
