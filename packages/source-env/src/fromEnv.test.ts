import { InvalidConnIdError } from "@awsconn/core";
import { expectErrorHidesSecret, formatErrorOf } from "@awsconn/testkit/contract";
import { describe, expect, it } from "vitest";
import { fromEnv } from "./fromEnv.js";

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const id of iterable) out.push(id);
  return out;
}

describe("fromEnv", () => {
  it("reads AIRFLOW_CONN_ + the upper-cased id, and only that variable", async () => {
    const env = {
      AIRFLOW_CONN_AWS_DEFAULT: "aws://AKIAEXAMPLE:pw@/?region_name=eu-west-1",
      AIRFLOW_CONN_aws_other: "aws://x",
    };
    const source = fromEnv({ env });
    const hit = await source.get("aws_default");
    expect(hit?.origin).toBe("env:AIRFLOW_CONN_AWS_DEFAULT");
    expect(hit?.connection).toMatchObject({
      connId: "aws_default",
      connType: "aws",
      login: "AKIAEXAMPLE",
      password: "pw",
    });
    expect(hit?.connection.extra).toEqual({ region_name: "eu-west-1" });
    expect(await source.get("AWS_DEFAULT")).toMatchObject({ origin: "env:AIRFLOW_CONN_AWS_DEFAULT" });
    expect(await source.get("aws_other")).toBeUndefined();
  });

  it("uses a custom prefix", async () => {
    const source = fromEnv({
      prefix: "MYAPP_CONN_",
      env: { MYAPP_CONN_DB: "postgres://h/db", AIRFLOW_CONN_DB: "mysql://h" },
    });
    const hit = await source.get("db");
    expect(hit?.origin).toBe("env:MYAPP_CONN_DB");
    expect(hit?.connection).toMatchObject({ connType: "postgres", host: "h", schema: "db" });
  });

  it("strips the value and reads JSON when it starts with {", async () => {
    const env = {
      AIRFLOW_CONN_J: '  \n {"conn_type": "aws", "login": "k", "extra": {"region_name": "us-east-1"}} \t',
      AIRFLOW_CONN_U: "\t mysql://u@dbhost:3306/app \n",
    };
    const source = fromEnv({ env });
    expect((await source.get("j"))?.connection).toMatchObject({
      connType: "aws",
      login: "k",
      extra: { region_name: "us-east-1" },
    });
    expect((await source.get("u"))?.connection).toMatchObject({
      connType: "mysql",
      login: "u",
      host: "dbhost",
      port: 3306,
      schema: "app",
    });
  });

  it("reads with the Task SDK's parser by default (as a worker does), the server's with parser: 'server'", async () => {
    const env = { AIRFLOW_CONN_X: "aws://user:@h?timeout=30", AIRFLOW_CONN_J: '{"password": ""}' };
    expect((await fromEnv({ env }).get("x"))?.connection).toMatchObject({
      password: "",
      extra: { timeout: "30" },
    });
    expect((await fromEnv({ env }).get("j"))?.connection.password).toBe("");
    const server = fromEnv({ env, parser: "server" });
    expect((await server.get("x"))?.connection.extra).toEqual({ timeout: 30 });
    expect((await server.get("x"))?.connection).not.toHaveProperty("password");
    expect((await server.get("j"))?.connection).not.toHaveProperty("password");
  });

  it("treats an unset or empty variable as not here, a blank one as malformed", async () => {
    const source = fromEnv({ env: { AIRFLOW_CONN_EMPTY: "", AIRFLOW_CONN_BLANK: "  \n " } });
    expect(await source.get("empty")).toBeUndefined();
    expect(await source.get("unset")).toBeUndefined();
    const error = await formatErrorOf(source.get("blank"));
    expect(error.origin).toBe("env:AIRFLOW_CONN_BLANK");
  });

  it("reads the environment live, not once", async () => {
    const env: Record<string, string | undefined> = {};
    const source = fromEnv({ env });
    expect(await source.get("late")).toBeUndefined();
    env.AIRFLOW_CONN_LATE = "http://late.example.com";
    expect((await source.get("late"))?.connection.host).toBe("late.example.com");
  });

  it("names the variable and never the value when the value is malformed", async () => {
    const env = {
      AIRFLOW_CONN_BAD_PORT: "postgres://user:hunter2-secret@db:99999/x",
      AIRFLOW_CONN_BAD_JSON: '{"conn_type": "aws", "password": "hunter3-secret", ',
      AIRFLOW_CONN_BAD_EXTRA: '{"conn_type": "aws", "password": "hunter4-secret", "extra": "[1]"}',
    };
    const source = fromEnv({ env });
    for (const [id, secret] of [
      ["bad_port", "hunter2-secret"],
      ["bad_json", "hunter3-secret"],
      ["bad_extra", "hunter4-secret"],
    ] as const) {
      const error = await formatErrorOf(source.get(id));
      expect(error.message).toContain(`env:AIRFLOW_CONN_${id.toUpperCase()}`);
      expectErrorHidesSecret(error, secret);
    }
  });

  it("refuses an invalid id without reading the environment", async () => {
    let reads = 0;
    const env = new Proxy({} as Record<string, string>, {
      get: () => {
        reads++;
        return undefined;
      },
    });
    await expect(fromEnv({ env }).get("../etc")).rejects.toBeInstanceOf(InvalidConnIdError);
    expect(reads).toBe(0);
  });

  it("lists the ids of prefixed, non-empty variables, lower-cased, skipping invalid ids", async () => {
    const env = {
      AIRFLOW_CONN_AWS_DEFAULT: "aws://",
      AIRFLOW_CONN_Team_DB: "postgres://h",
      AIRFLOW_CONN_EMPTY: "",
      AIRFLOW_CONN_: "aws://",
      "AIRFLOW_CONN_BAD ID": "aws://",
      AIRFLOW_VAR_X: "1",
      PATH: "/bin",
    };
    expect((await collect(fromEnv({ env }).list!())).sort()).toEqual(["aws_default", "team_db"]);
    expect(await collect(fromEnv({ env, prefix: "AIRFLOW_VAR_" }).list!())).toEqual(["x"]);
  });
});
