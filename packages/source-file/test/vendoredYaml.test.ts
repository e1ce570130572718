import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue 17: the built package reads YAML with its one-file copy of yaml (dist/yaml.cjs, package.json
// `vendored`), one file to load instead of about 70.
const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
const built = existsSync(join(DIST, "esm/index.js")) && existsSync(join(DIST, "yaml.cjs"));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "awsconn-vendored-yaml-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.runIf(built)("the built package's YAML", () => {
  it("is yaml's copy with its version and licence at the top", () => {
    const head = readFileSync(join(DIST, "yaml.cjs"), "utf8").slice(0, 600);
    const { version } = JSON.parse(
      readFileSync(
        fileURLToPath(new URL("../../../node_modules/yaml/package.json", import.meta.url)),
        "utf8",
      ),
    ) as { version: string };
    expect(head).toContain(`yaml ${version}`);
    expect(head).toContain("Permission to use, copy, modify, and/or distribute this software");
  });

  it("reading a .yaml file from the ES module build loads dist/yaml.cjs and no file of node_modules/yaml", async () => {
    const file = join(dir, "connections.yaml");
    // An anchor: beyond the plain subset that readPlainYaml reads without yaml.
    await writeFile(file, "db:\n  conn_type: postgres\n  host: &h db.internal\n  schema: *h\n", {
      mode: 0o600,
    });
    const entry = join(dir, "read.mjs");
    await writeFile(
      entry,
      [
        `import { fromFile } from ${JSON.stringify(pathToFileURL(join(DIST, "esm/index.js")).href)};`,
        `const hit = await fromFile({ path: ${JSON.stringify(file)} }).get("db");`,
        `if (hit?.connection.host !== "db.internal") throw new Error("not read");`,
      ].join("\n"),
    );
    const trace = await traceModuleLoads(entry);
    const loaded = [...trace.esm, ...trace.cjs];
    expect(loaded.filter((m) => m.endsWith("/source-file/dist/yaml.cjs"))).toHaveLength(1);
    expect(loaded.filter((m) => m.includes("/node_modules/yaml/"))).toEqual([]);
  }, 60_000);
});
