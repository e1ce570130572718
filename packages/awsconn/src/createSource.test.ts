import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSource } from "./createSource.js";

const sdkModules = (trace: { esm: string[]; cjs: string[] }) =>
  [...trace.esm, ...trace.cjs].filter((m) => m.includes("@aws-sdk") || m.includes("@smithy"));

describe("createSource", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "awsconn-create-source-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("a file entry reads the file, a relative path taken from baseDir", async () => {
    await writeFile(
      join(dir, "conns.yaml"),
      "warehouse:\n  conn_type: postgres\n  host: db.example\n  login: etl\n  port: 5432\n",
      { mode: 0o600 },
    );
    const source = createSource({ type: "file", path: "conns.yaml" }, { baseDir: dir });

    const hit = await source.get("warehouse");

    expect(source.name).toBe("file");
    expect(hit?.connection).toMatchObject({
      connType: "postgres",
      host: "db.example",
      login: "etl",
      port: 5432,
    });
    expect(await source.get("absent")).toBeUndefined();
  });

  it("a file entry with an absolute path ignores baseDir", async () => {
    await writeFile(join(dir, "conns.env"), "db=postgres://u:p@abs.example:5432/app\n", { mode: 0o600 });
    const source = createSource({ type: "file", path: join(dir, "conns.env") }, { baseDir: "/nonexistent" });

    expect((await source.get("db"))?.connection.host).toBe("abs.example");
  });

  it("a secretsmanager entry loads no @aws-sdk module until it is asked", async () => {
    const trace = await traceModuleLoads(
      fileURLToPath(new URL("../test/fixtures/createSourceUnused.ts", import.meta.url)),
    );

    expect(trace.esm.some((m) => m.includes("/packages/awsconn/src/createSource.ts"))).toBe(true);
    expect(trace.esm.some((m) => m.includes("/packages/source-file/"))).toBe(true);
    expect(trace.esm.some((m) => m.includes("/packages/source-secrets-manager/"))).toBe(false);
    expect(sdkModules(trace)).toEqual([]);
  }, 60_000);

  it("control: once that secretsmanager source is asked, its package and the SDK are loaded", async () => {
    const trace = await traceModuleLoads(
      fileURLToPath(new URL("../test/fixtures/createSourceUsed.ts", import.meta.url)),
    );

    expect(trace.esm.some((m) => m.includes("/packages/source-secrets-manager/"))).toBe(true);
    expect(sdkModules(trace).some((m) => m.includes("client-secrets-manager"))).toBe(true);
  }, 60_000);
});
