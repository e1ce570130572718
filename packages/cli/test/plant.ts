// A secret planted in every fixture: it must appear in no output except `credentials` and `--show-secrets`.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Alphanumeric core: survives every encoding (URI quoting, JSON, shell quoting) unchanged, so a search finds any leak. */
export const MARKER = `PLANTED${randomBytes(6).toString("hex")}`;
/** The planted secret: the marker inside characters that need quoting in URIs and shells. */
export const SECRET = `${MARKER}/+'$x`;

/** Asserts that the marker is in neither stream. */
export function expectNoSecret(result: { stdout: string; stderr: string }): void {
  if (result.stdout.includes(MARKER) || result.stderr.includes(MARKER)) {
    throw new Error(`planted secret leaked:\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
}

/** A temp dir with connection files (yaml, json, env) and a config using env + the yaml file. */
export function fixtureDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "awsconn-cli-"));
  const yaml = [
    "aws_default:",
    "  conn_type: aws",
    "  login: AKIAFILEEXAMPLE",
    `  password: ${JSON.stringify(SECRET)}`,
    "  extra:",
    "    region_name: eu-west-1",
    "warehouse:",
    "  conn_type: postgres",
    "  host: db.example.com",
    "  login: etl",
    `  password: ${JSON.stringify(SECRET)}`,
    "  port: 5432",
    "  schema: analytics",
    "  extra:",
    `    token: ${JSON.stringify(SECRET)}`,
    "    sslmode: require",
    "",
  ].join("\n");
  writeFileSync(join(dir, "connections.yaml"), yaml);
  writeFileSync(
    join(dir, "awsconn.config.yaml"),
    "sources:\n  - type: env\n  - type: file\n    path: ./connections.yaml\n",
  );
  return dir;
}
