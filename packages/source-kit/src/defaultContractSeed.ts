import type { SeedConnection } from "./SeedConnection.js";

/**
 * A seed with planted secrets (a password and secret-looking extras) that most sources can store:
 * an `aws` connection with a session token, a `postgres` connection with every field, and a bare
 * `http` one without secrets.
 *
 * @example
 * ```ts
 * import { DEFAULT_CONTRACT_SEED, describeConnectionSource } from "@awsconn/source-kit";
 * describeConnectionSource("my source", (seed) => mySourceHolding(seed), DEFAULT_CONTRACT_SEED);
 * ```
 */
export const DEFAULT_CONTRACT_SEED: readonly SeedConnection[] = [
  {
    connId: "contract_aws",
    connType: "aws",
    login: "AKIACONTRACTLOGIN01",
    password: "planted-Secret/Value+1",
    extra: { region_name: "eu-west-1", aws_session_token: "planted-session-token-2" },
  },
  {
    connId: "contract_pg",
    connType: "postgres",
    host: "db.example.internal",
    login: "app",
    password: "planted-pg-pass-3",
    schema: "warehouse",
    port: 5432,
    extra: { sslmode: "require" },
    description: "contract suite database",
  },
  { connId: "contract_bare", connType: "http", host: "example.com", extra: {} },
];
