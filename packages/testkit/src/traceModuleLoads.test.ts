import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { traceModuleLoads } from "./traceModuleLoads.js";

it("sees an @aws-sdk module that an entry imports, and TypeScript files it loads", async () => {
  const dir = await mkdtemp(join(tmpdir(), "awsconn-trace-test-"));
  try {
    const sdk = pathToFileURL(createRequire(import.meta.url).resolve("@aws-sdk/client-sts")).href;
    await writeFile(join(dir, "helper.ts"), "export const n: number = 1;\n");
    await writeFile(
      join(dir, "entry.ts"),
      `import { n } from "./helper.js";\nimport ${JSON.stringify(sdk)};\nexport const m: number = n;\n`,
    );
    const trace = await traceModuleLoads(join(dir, "entry.ts"));
    const loaded = [...trace.esm, ...trace.cjs];
    expect(loaded.some((m) => m.endsWith("/helper.ts"))).toBe(true);
    expect(loaded.filter((m) => m.includes("@aws-sdk/client-sts")).length).toBeGreaterThan(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
