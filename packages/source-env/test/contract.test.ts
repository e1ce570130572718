import { connectionToJson, connectionToUri, createConnection, parseConnectionUri } from "@awsconn/core";
import {
  DEFAULT_CONTRACT_SEED,
  type SeedConnection,
  describeConnectionSource,
  seededSecrets,
} from "@awsconn/testkit/contract";
import { fromEnv } from "../src/fromEnv.js";

// Counts every read of the environment object, so the suite can prove refusals happen before any lookup.
function countingEnv(values: Record<string, string>) {
  let reads = 0;
  const env = new Proxy(values, {
    get(target, key) {
      reads++;
      return Reflect.get(target, key);
    },
    ownKeys(target) {
      reads++;
      return Reflect.ownKeys(target);
    },
  });
  return { env, lookups: () => reads };
}

function variable(connId: string): string {
  return `AIRFLOW_CONN_${connId.toUpperCase()}`;
}

// The URI form where it carries the connection exactly (Airflow's URI has no description, and
// gives "" for an absent host or schema), the JSON form for the rest.
function seedEnv(seed: readonly SeedConnection[]): Record<string, string> {
  const values: Record<string, string> = { PATH: "/usr/bin", AIRFLOW_CONN_UNRELATED: "http://unrelated" };
  for (const c of seed) {
    const connection = createConnection(c);
    const uri = connectionToUri(connection);
    const exact =
      JSON.stringify({ ...parseConnectionUri(uri, c.connId) }) === JSON.stringify({ ...connection });
    values[variable(c.connId)] = exact ? uri : JSON.stringify(connectionToJson(connection));
  }
  return values;
}

const ENV_SEED: readonly SeedConnection[] = [
  ...DEFAULT_CONTRACT_SEED,
  {
    connId: "contract_uri",
    connType: "mysql",
    host: "mysql.internal",
    login: "app",
    password: "planted-mysql/pass 4",
    schema: "app",
    port: 3306,
    extra: { charset: "utf8" },
  },
];

// Every value keeps the seeded secrets but has an impossible port.
function corruptEnv(seed: readonly SeedConnection[]): Record<string, string> {
  const values: Record<string, string> = {};
  const secrets = seededSecrets(seed);
  for (const c of seed) {
    const token = encodeURIComponent(secrets.join("|"));
    values[variable(c.connId)] =
      `${c.connType ?? "http"}://user:${encodeURIComponent(c.password ?? "x")}@host:99999/db?aws_session_token=${token}`;
  }
  return values;
}

describeConnectionSource(
  "fromEnv",
  (seed) => {
    const { env, lookups } = countingEnv(seedEnv(seed));
    if (!Object.values(env).some((v) => v.startsWith("mysql://"))) throw new Error("no seed in URI form");
    return { source: fromEnv({ env }), lookups };
  },
  ENV_SEED,
  { makeCorruptSource: (seed) => fromEnv({ env: corruptEnv(seed) }) },
);

describeConnectionSource(
  "fromEnv with a custom prefix and JSON values",
  (seed) => {
    const env: Record<string, string> = {};
    for (const c of seed)
      env[`APP_CONN_${c.connId.toUpperCase()}`] = JSON.stringify(connectionToJson(createConnection(c)));
    return fromEnv({ env, prefix: "APP_CONN_" });
  },
  DEFAULT_CONTRACT_SEED,
);
