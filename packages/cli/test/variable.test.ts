// awsconn variable get: env and file Variables through the built binary; secret-looking keys show ***.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireBuiltBin, runBin } from "./runBin.js";

const SECRET = "var-s3cr3t-marker";
let config: string;
let variables: string;

beforeAll(() => {
  requireBuiltBin();
  const dir = mkdtempSync(join(tmpdir(), "awsconn-cli-vars-"));
  variables = join(dir, "variables.yaml");
  writeFileSync(variables, `bucket: from-file\nslack_webhook_url: ${SECRET}\n`);
  writeFileSync(join(dir, "connections.json"), "{}");
  config = join(dir, "awsconn.config.yaml");
  writeFileSync(
    config,
    "sources:\n  - type: env\n  - type: file\n    path: connections.json\n    variablesPath: variables.yaml\n",
  );
});

describe("variable get", () => {
  it("prints the raw value; env (AIRFLOW_VAR_) before the file", async () => {
    const env = { AIRFLOW_VAR_BUCKET: "from-env" };
    const r = await runBin(["--config", config, "variable", "get", "bucket"], { env });
    expect(r).toMatchObject({ code: 0, stdout: "from-env\n" });
    const fromFile = await runBin(["--config", config, "variable", "get", "bucket"]);
    expect(fromFile.stdout).toBe("from-file\n");
  });

  it("--json: key, value, source and origin", async () => {
    const r = await runBin(["--config", config, "variable", "get", "bucket", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      key: "bucket",
      value: "from-file",
      source: "file",
      origin: `file:${variables}:1`,
    });
  });

  it("a key Airflow's masker hides shows *** unless --show-secrets", async () => {
    const hidden = await runBin(["--config", config, "variable", "get", "slack_webhook_url", "--json"]);
    expect(hidden.code).toBe(0);
    expect(JSON.parse(hidden.stdout).value).toBe("***");
    expect(hidden.stdout + hidden.stderr).not.toContain(SECRET);
    const shown = await runBin([
      "--config",
      config,
      "--show-secrets",
      "variable",
      "get",
      "slack_webhook_url",
    ]);
    expect(shown.stdout).toBe(`${SECRET}\n`);
  });

  it("not found: exit 3 with a message naming the sources", async () => {
    const r = await runBin(["--config", config, "variable", "get", "absent"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/variable "absent" not found .*env, file/);
  });
});
