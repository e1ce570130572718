import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectionFormatError } from "@awsconn/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createResolver, getConnection, resetDefaultResolver } from "../src/index.js";

// Integration: the facade over the real env and file sources (the development and CI layerings).
afterEach(() => {
  vi.unstubAllEnvs();
  resetDefaultResolver();
});

describe("local development: a connections file named in ./awsconn.config.yaml", () => {
  it("resolves from the file, relative to the config file, and sees edits on the next get", async () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-dev-"));
    const conns = join(dir, "connections.yaml");
    writeFileSync(
      join(dir, "awsconn.config.yaml"),
      "sources:\n  - type: env\n  - type: file\n    path: connections.yaml\n",
    );
    writeFileSync(conns, "warehouse: postgres://dev:devpw@localhost:5432/dwh\n");
    const resolver = createResolver(undefined, { env: {}, cwd: dir });

    expect((await resolver.get("warehouse")).host).toBe("localhost");

    writeFileSync(conns, "warehouse:\n  conn_type: postgres\n  host: db.dev.internal\n  port: 6543\n");
    utimesSync(conns, new Date(), new Date(Date.now() + 5000));
    expect(await resolver.get("warehouse")).toMatchObject({ host: "db.dev.internal", port: 6543 });
  });

  it("a malformed file surfaces as ConnectionFormatError with file and line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-dev-"));
    writeFileSync(
      join(dir, "conns.yaml"),
      "ok: postgres://h\nbad:\n  conn_type: postgres\n  port: notaport\n",
    );
    const resolver = createResolver({ sources: [{ type: "file", path: join(dir, "conns.yaml") }] });

    const error = await resolver.get("bad").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect((error as Error).message).toContain("conns.yaml");
  });
});

describe("CI: AIRFLOW_CONN_* variables and no configuration at all", () => {
  it("getConnection() uses the default [env] resolver and reads variables live", async () => {
    const empty = mkdtempSync(join(tmpdir(), "awsconn-ci-"));
    vi.spyOn(process, "cwd").mockReturnValue(empty);
    vi.stubEnv("AWSCONN_CONFIG", "");
    vi.stubEnv("AIRFLOW__SECRETS__BACKEND", "");
    vi.stubEnv("AIRFLOW_CONN_CI_DB", "postgres://ci:cipw@postgres:5432/test");

    expect((await getConnection("ci_db")).host).toBe("postgres");

    vi.stubEnv("AIRFLOW_CONN_CI_DB", '{"conn_type": "postgres", "host": "other"}');
    expect((await getConnection("ci_db")).host).toBe("other");
    vi.restoreAllMocks();
  });
});
