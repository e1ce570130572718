// connectionParser: which of Airflow 3's parsers the configured sources read values with.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createResolver } from "../src/createResolver.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("connectionParser", () => {
  it("env values follow the Task SDK's parser by default ('30'), the server's with connectionParser: server (30)", async () => {
    vi.stubEnv("AIRFLOW_CONN_PARSED", "aws://user:@h?timeout=30&verify=false");
    const task = createResolver({ sources: [{ type: "env" }] });
    expect(task.config.connectionParser).toBe("task");
    expect(await task.get("parsed")).toMatchObject({
      password: "",
      extra: { timeout: "30", verify: "false" },
    });

    const server = createResolver({ sources: [{ type: "env" }], connectionParser: "server" });
    expect(server.config.connectionParser).toBe("server");
    const connection = await server.get("parsed");
    expect(connection.extra).toEqual({ timeout: 30, verify: false });
    expect(connection).not.toHaveProperty("password");
  });

  it("applies to a discovered configuration too (an object without sources), and a config file may set it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-parser-"));
    writeFileSync(join(dir, "awsconn.config.json"), JSON.stringify({ connectionParser: "server" }));
    vi.stubEnv("AIRFLOW_CONN_PARSED", "aws://h?timeout=30");
    // Discovery reads no real AWSCONN_CONFIG / Airflow settings (env: {}); the env source reads process.env.
    const fromFile = createResolver(undefined, { cwd: dir, env: {} });
    expect(fromFile.config.connectionParser).toBe("server");
    expect((await fromFile.get("parsed")).extra).toEqual({ timeout: 30 });
    const overridden = createResolver({ connectionParser: "task" }, { cwd: dir, env: {} });
    expect((await overridden.get("parsed")).extra).toEqual({ timeout: "30" });
  });

  it("connections files are read with the server's parser either way, as Airflow reads them on workers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-parser-file-"));
    writeFileSync(join(dir, "conns.json"), JSON.stringify({ f: "aws://h?timeout=30" }));
    const resolver = createResolver({ sources: [{ type: "file", path: join(dir, "conns.json") }] });
    expect((await resolver.get("f")).extra).toEqual({ timeout: 30 });
  });
});
