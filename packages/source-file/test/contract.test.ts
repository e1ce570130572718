import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectionToUri, createConnection } from "@awsconn/core";
import {
  DEFAULT_CONTRACT_SEED,
  type SeedConnection,
  describeConnectionSource,
  seededSecrets,
} from "@awsconn/testkit/contract";
import { stringify } from "yaml";
import { fromFile } from "../src/fromFile.js";

// Airflow's object form of a seeded connection (snake_case keys).
function fields(c: SeedConnection): Record<string, unknown> {
  const out: Record<string, unknown> = {
    conn_type: c.connType,
    host: c.host,
    login: c.login,
    password: c.password,
    schema: c.schema,
    port: c.port,
    extra: c.extra,
    description: c.description,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function fileSubject(name: string, render: (seed: readonly SeedConnection[]) => string) {
  return async (seed: readonly SeedConnection[]) => {
    const dir = await mkdtemp(join(tmpdir(), "awsconn-contract-"));
    const path = join(dir, name);
    await writeFile(path, render(seed), { mode: 0o600 });
    const source = fromFile({ path, logger: { warn: () => {} } });
    return {
      source,
      lookups: () => source.stats().checks,
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  };
}

const toYaml = (seed: readonly SeedConnection[]) =>
  stringify(Object.fromEntries(seed.map((c) => [c.connId, fields(c)])));
const toJson = (seed: readonly SeedConnection[]) =>
  JSON.stringify(
    Object.fromEntries(seed.map((c, i) => [c.connId, i % 2 ? [fields(c)] : fields(c)])),
    null,
    2,
  );
const toEnv = (seed: readonly SeedConnection[]) =>
  `# contract\n${seed.map((c) => `${c.connId}=${connectionToUri(createConnection(c))}`).join("\n")}\n`;

// Every entry keeps its secrets but carries a key Airflow does not allow.
const corruptYaml = (seed: readonly SeedConnection[]) =>
  stringify(Object.fromEntries(seed.map((c) => [c.connId, { ...fields(c), secrets: seededSecrets(seed) }])));

describeConnectionSource("fromFile (.yaml)", fileSubject("connections.yaml", toYaml), DEFAULT_CONTRACT_SEED, {
  makeCorruptSource: fileSubject("connections.yaml", corruptYaml),
});
describeConnectionSource("fromFile (.json)", fileSubject("connections.json", toJson), DEFAULT_CONTRACT_SEED);
// A .env file holds URIs, which carry no description and give "" for an absent host or schema:
// its seed has every part a URI can carry.
const ENV_FILE_SEED: readonly SeedConnection[] = [
  {
    connId: "contract_mysql",
    connType: "mysql",
    host: "mysql.internal",
    login: "app",
    password: "planted-mysql/pass 4",
    schema: "app",
    port: 3306,
    extra: { charset: "utf8", aws_session_token: "planted-token-5" },
  },
  { connId: "CONTRACT_HTTP", connType: "http", host: "example.com", schema: "v1", extra: {} },
];
describeConnectionSource("fromFile (.env)", fileSubject("connections.env", toEnv), ENV_FILE_SEED);
