import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@awsconn/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromFile } from "./fromFile.js";
import { fromVariablesFile } from "./fromVariablesFile.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "awsconn-file-teams-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  await chmod(path, 0o600);
  return path;
}

const logger = { warn: () => {} };

describe("file sources and teams (Airflow 3.3 LocalFilesystemBackend)", () => {
  it("accepts team_name in an entry and serves it to every team, as Airflow", async () => {
    const json = await file(
      "c.json",
      JSON.stringify({ a: { conn_type: "aws", team_name: "team_b" }, "x--y": { conn_type: "http" } }),
    );
    const yaml = await file("c.yaml", "a:\n  conn_type: aws\n  team_name: team_b\n");
    for (const path of [json, yaml]) {
      for (const init of [{}, { team: "team_a" }, { team: "team_b" }]) {
        const hit = await fromFile({ path, logger, ...init }).get("a");
        expect(hit?.connection).toMatchObject({ connId: "a", connType: "aws" });
      }
    }
    // No refusal of ids with the team separator: the local backend has none.
    expect((await fromFile({ path: json, logger, team: "team_a" }).get("x--y"))?.connection.connType).toBe(
      "http",
    );
  });

  it("Variables files ignore the team; a bad team is still a ConfigError", async () => {
    const path = await file("v.json", JSON.stringify({ k: "v" }));
    expect((await fromVariablesFile({ path, team: "team_a" }).getVariable("k"))?.value).toBe("v");
    expect(() => fromVariablesFile({ path, team: "x" })).toThrow(ConfigError);
    expect(() => fromFile({ path, logger, team: "team_a", multiTeam: false })).toThrow(ConfigError);
  });
});
