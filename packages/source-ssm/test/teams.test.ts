import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { SourceWarning } from "@awsconn/aws-source-common";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { type SsmInit, fromSsm, fromSsmVariables } from "../src/index.js";

stubAwsTestEnv();

const admin = new SSMClient(awsTestClientConfig());
const proxies = useLoopbackProxies();

async function store(name: string, value: string) {
  await admin.send(
    new PutParameterCommand({ Name: name, Value: value, Type: "SecureString", Overwrite: true }),
  );
}

async function counted(init: SsmInit) {
  const proxy = await proxies.counting();
  return { proxy, source: fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, ...init }) };
}

describe("fromSsm with a team (Airflow 3.3 multi-team, moto)", () => {
  it("reads /<prefix>/<team>--<id> first, then /<prefix>/<id>", async () => {
    const prefix = `/${uniquePrefix("teams")}`;
    await store(`${prefix}/team_a--db`, "postgres://team-host");
    await store(`${prefix}/db`, "postgres://global-host");
    await store(`${prefix}/only_global`, "mysql://g");
    const { proxy, source } = await counted({ prefix, team: "team_a" });
    expect((await source.get("db"))?.origin).toBe(`ssm:${prefix}/team_a--db#1`);
    expect(proxy.count("GetParameter")).toBe(1);
    expect((await source.get("only_global"))?.connection.host).toBe("g");
    expect(proxy.count("GetParameter")).toBe(3);
    expect(await source.get("missing")).toBeUndefined();
    const many = await source.getMany!(["db", "only_global", "missing"]);
    expect(many.get("db")?.connection.host).toBe("team-host");
    expect(many.get("only_global")?.connection.host).toBe("g");
    expect(many.has("missing")).toBe(false);
    const global = await counted({ prefix });
    expect((await global.source.get("db"))?.connection.host).toBe("global-host");
  });

  it("list(): the team's ids as bare ids, the global ones, no other team's", async () => {
    const prefix = `/${uniquePrefix("teams-list")}`;
    await store(`${prefix}/team_a--db`, "postgres://a");
    await store(`${prefix}/db`, "postgres://g");
    await store(`${prefix}/team_a--only_team`, "postgres://a");
    await store(`${prefix}/team_b--secret`, "postgres://b");
    const ids = async (init: SsmInit) => {
      const out: string[] = [];
      for await (const id of (await counted(init)).source.list!()) out.push(id);
      return out.sort();
    };
    expect(await ids({ prefix, team: "team_a" })).toEqual(["db", "only_team"]);
    expect(await ids({ prefix, multiTeam: true })).toEqual(["db"]);
    expect(await ids({ prefix })).toEqual(["db", "team_a--db", "team_a--only_team", "team_b--secret"]);
  });

  it("lookupPattern is matched against the id looked up, not the team-scoped name (list and listVariables)", async () => {
    // Airflow's _get_secret matches the pattern against the conn id before it builds <team>--<id>.
    const prefix = `/${uniquePrefix("teams-pattern")}`;
    await store(`${prefix}/team_a--aws_team_only`, "aws://team");
    await store(`${prefix}/aws_global`, "aws://global");
    await store(`${prefix}/team_a--other`, "postgres://other");
    const { source } = await counted({ prefix, team: "team_a", lookupPattern: "^aws_" });
    const ids: string[] = [];
    for await (const id of source.list!()) ids.push(id);
    expect(ids.sort()).toEqual(["aws_global", "aws_team_only"]);
    expect((await source.get("aws_team_only"))?.connection.host).toBe("team");
    const vars = fromSsmVariables({
      region: "us-east-1",
      endpoint: (await proxies.counting()).endpoint,
      prefix,
      team: "team_a",
      lookupPattern: "^aws_",
    });
    const keys: string[] = [];
    for await (const key of vars.listVariables!()) keys.push(key);
    expect(keys.sort()).toEqual(["aws_global", "aws_team_only"]);
  });

  it("refuses ids containing -- in multi-team mode, without a request, with a warning", async () => {
    const prefix = `/${uniquePrefix("teams-refuse")}`;
    await store(`${prefix}/a--b`, "postgres://h");
    const warnings: SourceWarning[] = [];
    const { proxy, source } = await counted({ prefix, team: "team_a", onWarning: (w) => warnings.push(w) });
    expect(await source.get("a--b")).toBeUndefined();
    expect(await source.getMany!(["a--b"])).toEqual(new Map());
    expect(proxy.requests).toHaveLength(0);
    expect(warnings[0]?.code).toBe("TEAM_ID_REFUSED");
    expect(await (await counted({ prefix, multiTeam: true })).source.get("a--b")).toBeUndefined();
    expect((await (await counted({ prefix })).source.get("a--b"))?.connection.host).toBe("h");
  });

  it("Variables: the team's parameter first, then the global one; -- keys refused", async () => {
    const prefix = `/${uniquePrefix("teams-vars")}`;
    await store(`${prefix}/team_a--region`, "eu-west-1");
    await store(`${prefix}/region`, "us-east-1");
    await store(`${prefix}/zone`, "z");
    const proxy = await proxies.counting();
    const vars = fromSsmVariables({ region: "us-east-1", endpoint: proxy.endpoint, prefix, team: "team_a" });
    expect(await vars.getVariable("region")).toMatchObject({
      value: "eu-west-1",
      origin: `ssm:${prefix}/team_a--region#1`,
    });
    expect((await vars.getVariable("zone"))?.value).toBe("z");
    expect(await vars.getVariable("x--y")).toBeUndefined();
    expect(proxy.count("GetParameter")).toBe(3);
  });
});
