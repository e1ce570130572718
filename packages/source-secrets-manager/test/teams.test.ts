import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { SourceWarning } from "@awsconn/aws-source-common";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { type SecretsManagerInit, fromSecretsManager, fromSecretsManagerVariables } from "../src/index.js";

stubAwsTestEnv({ AWS_SESSION_TOKEN: "", AWS_PROFILE: "" });

const admin = new SecretsManagerClient(awsTestClientConfig());
const proxies = useLoopbackProxies();

async function store(name: string, value: string) {
  await admin.send(new CreateSecretCommand({ Name: name, SecretString: value }));
}

async function counted(init: SecretsManagerInit) {
  const proxy = await proxies.counting();
  return { proxy, source: fromSecretsManager({ region: "us-east-1", endpoint: proxy.endpoint, ...init }) };
}

describe("fromSecretsManager with a team (Airflow 3.3 multi-team, moto)", () => {
  it("reads <prefix>/<team>--<id> first, then <prefix>/<id>; getMany the same", async () => {
    const prefix = uniquePrefix("sm-teams");
    await store(`${prefix}/team_a--db`, "postgres://team-host");
    await store(`${prefix}/db`, "postgres://global-host");
    await store(`${prefix}/only_global`, "mysql://g");
    const { proxy, source } = await counted({ prefix, team: "team_a" });
    expect((await source.get("db"))?.origin).toMatch(new RegExp(`^secretsmanager:${prefix}/team_a--db@`));
    expect(proxy.count("GetSecretValue")).toBe(1);
    expect((await source.get("only_global"))?.connection.host).toBe("g");
    expect(proxy.count("GetSecretValue")).toBe(3);
    const many = await source.getMany!(["db", "only_global", "missing"]);
    expect(many.get("db")?.connection.host).toBe("team-host");
    expect(many.get("only_global")?.connection.host).toBe("g");
    expect(many.get("missing")).toBeUndefined();
    expect((await (await counted({ prefix })).source.get("db"))?.connection.host).toBe("global-host");
  });

  it("list() and knownIds: the team's ids as bare ids, no other team's; the manifest knows scoped names", async () => {
    const prefix = uniquePrefix("sm-teams-list");
    await store(`${prefix}/team_a--db`, "postgres://a");
    await store(`${prefix}/db`, "postgres://g");
    await store(`${prefix}/team_b--secret`, "postgres://b");
    const { source } = await counted({ prefix, team: "team_a", knownIds: { refreshSeconds: 60 } });
    const ids: string[] = [];
    for await (const id of source.list!()) ids.push(id);
    expect(ids.sort()).toEqual(["db"]);
    expect((await source.get("db"))?.connection.host).toBe("a");
    expect(await source.get("missing")).toBeUndefined();
  });

  it("lookupPattern is matched against the id looked up, not the team-scoped name: list() and knownIds agree with get()", async () => {
    // Airflow's _get_secret matches the pattern against the conn id before it builds <team>--<id>.
    const prefix = uniquePrefix("sm-teams-pattern");
    await store(`${prefix}/team_a--aws_team_only`, "aws://team");
    await store(`${prefix}/aws_global`, "aws://global");
    await store(`${prefix}/team_a--other`, "postgres://other");
    const init = { prefix, team: "team_a", lookupPattern: "^aws_", knownIds: { refreshSeconds: 60 } };
    const { proxy, source } = await counted(init);
    const ids: string[] = [];
    for await (const id of source.list!()) ids.push(id);
    expect(ids.sort()).toEqual(["aws_global", "aws_team_only"]);
    expect((await source.get("aws_team_only"))?.connection.host).toBe("team");
    expect(await source.get("other")).toBeUndefined();
    // The manifest holds the team-scoped names too: the global id is read without asking for a
    // team-scoped secret that the listing showed is not there.
    const before = proxy.count("GetSecretValue");
    expect((await source.get("aws_global"))?.connection.host).toBe("global");
    expect(proxy.count("GetSecretValue") - before).toBe(1);
  });

  it("Variables: lookupPattern is matched against the key looked up in listVariables() too", async () => {
    const prefix = uniquePrefix("sm-teams-vars-pattern");
    await store(`${prefix}/team_a--app_zone`, "z");
    await store(`${prefix}/app_region`, "r");
    await store(`${prefix}/other`, "o");
    const vars = fromSecretsManagerVariables({
      region: "us-east-1",
      endpoint: (await proxies.counting()).endpoint,
      prefix,
      team: "team_a",
      lookupPattern: "^app_",
    });
    const keys: string[] = [];
    for await (const key of vars.listVariables!()) keys.push(key);
    expect(keys.sort()).toEqual(["app_region", "app_zone"]);
  });

  it("an empty prefix reads the bare id only, as Airflow (no team-scoped name)", async () => {
    const id = uniquePrefix("sm-bare").replace(/\//g, "_");
    await store(`team_a--${id}`, "postgres://team-host");
    await store(id, "postgres://bare-host");
    const { source } = await counted({ prefix: "", team: "team_a" });
    expect((await source.get(id))?.connection.host).toBe("bare-host");
  });

  it("refuses ids containing -- in multi-team mode, without a request, with a warning", async () => {
    const prefix = uniquePrefix("sm-teams-refuse");
    await store(`${prefix}/a--b`, "postgres://h");
    const warnings: SourceWarning[] = [];
    const { proxy, source } = await counted({ prefix, team: "team_a", onWarning: (w) => warnings.push(w) });
    expect(await source.get("a--b")).toBeUndefined();
    expect([...(await source.getMany!(["a--b"]))]).toEqual([]);
    expect(proxy.requests).toHaveLength(0);
    expect(warnings.map((w) => w.code)).toEqual(["TEAM_ID_REFUSED", "TEAM_ID_REFUSED"]);
    expect(await (await counted({ prefix, multiTeam: true })).source.get("a--b")).toBeUndefined();
    expect((await (await counted({ prefix })).source.get("a--b"))?.connection.host).toBe("h");
  });

  it("Variables: the team's secret first, then the global one; -- keys refused", async () => {
    const prefix = uniquePrefix("sm-teams-vars");
    await store(`${prefix}/team_a--region`, "eu-west-1");
    await store(`${prefix}/region`, "us-east-1");
    await store(`${prefix}/zone`, "z");
    const proxy = await proxies.counting();
    const vars = fromSecretsManagerVariables({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      prefix,
      team: "team_a",
    });
    expect((await vars.getVariable("region"))?.value).toBe("eu-west-1");
    expect((await vars.getVariable("zone"))?.value).toBe("z");
    expect(await vars.getVariable("x--y")).toBeUndefined();
    expect(proxy.count("GetSecretValue")).toBe(3);
  });
});
