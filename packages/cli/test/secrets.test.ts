// The planted secret appears in no output of any command or flag, except `credentials` and `--show-secrets`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, fixtureDir, MARKER, SECRET } from "./plant.js";
import { requireBuiltBin, runBin } from "./runBin.js";

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  requireBuiltBin();
  dir = fixtureDir();
  writeFileSync(
    join(dir, "merge.config.yaml"),
    "sources:\n  - type: env\n  - type: file\n    path: ./connections.yaml\nmode: merge\n",
  );
  writeFileSync(
    join(dir, "bad.env"),
    `warehouse=postgres://u:${encodeURIComponent(SECRET)}@h:99999/db\nok=http://h\n`,
  );
  env = {
    AIRFLOW_CONN_WAREHOUSE: JSON.stringify({
      conn_type: "postgres",
      extra: { api_key: SECRET, note: "from env" },
    }),
    AIRFLOW_CONN_BROKEN: `mysql://u:${encodeURIComponent(SECRET)}@h:notaport/x`,
  };
});

const SAFE: string[][] = [
  ["get", "warehouse"],
  ["get", "warehouse", "--json"],
  ["get", "aws_default", "--json"],
  ["uri", "warehouse"],
  ["uri", "aws_default", "--json"],
  ["explain", "warehouse"],
  ["explain", "warehouse", "--json"],
  ["get", "broken"],
  ["explain", "broken", "--json"],
  ["list"],
  ["list", "--json"],
  ["check", "connections.yaml", "bad.env"],
  ["check", "--json", "connections.yaml", "bad.env"],
  ["copy", "warehouse", "aws_default", "--to", "file:out.yaml"],
  ["copy", "warehouse", "--to", "file:out.yaml", "--dry-run", "--json"],
  ["copy", "warehouse", "--to", "file:out.env"],
];

describe.concurrent("no secret in any output without --show-secrets (credentials aside)", () => {
  for (const config of ["awsconn.config.yaml", "merge.config.yaml"]) {
    for (const verbosity of [[], ["--verbose"]]) {
      it.each(SAFE)(`${config} ${verbosity.join(" ")} %s %s %s %s %s %s`, async (...args) => {
        const r = await runBin(["--config", join(dir, config), ...verbosity, ...args.filter(Boolean)], {
          env,
          cwd: dir,
        });
        expect(r.code, r.stderr).toBeLessThanOrEqual(5);
        expectNoSecret(r);
      });
    }
  }

  it("while --show-secrets and credentials do print it (the sweep above can see a leak)", async () => {
    const config = join(dir, "awsconn.config.yaml");
    const shown = await runBin(["--config", config, "get", "warehouse", "--show-secrets", "--json"], { env });
    expect(shown.stdout).toContain(MARKER);
    const creds = await runBin(["--config", config, "credentials", "aws_default"], { env });
    expect(JSON.parse(creds.stdout).SecretAccessKey).toBe(SECRET);
  });
});
