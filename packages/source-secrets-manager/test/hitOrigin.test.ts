import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { awsTestClientConfig, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { fromSecretsManager } from "../src/index.js";

stubAwsTestEnv({ AWS_SESSION_TOKEN: "", AWS_PROFILE: "" });

const admin = new SecretsManagerClient(awsTestClientConfig());
const config = () => ({ region: "us-east-1", endpoint: awsTestClientConfig().endpoint });

async function store(name: string, value: string): Promise<string> {
  const created = await admin.send(new CreateSecretCommand({ Name: name, SecretString: value }));
  return created.VersionId as string;
}

describe("fromSecretsManager hit origins (moto)", () => {
  it("the usual secret name: origin built when read (an accessor), the same text as before", async () => {
    const prefix = uniquePrefix("sm-origin");
    const version = await store(`${prefix}:db`, "postgres://h");
    const hit = await fromSecretsManager({ ...config(), prefix, sep: ":" }).get("db");
    expect(hit).toEqual({
      connection: hit?.connection,
      origin: `secretsmanager:${prefix}:db@${version}`,
      version,
    });
    expect(Object.getOwnPropertyDescriptor(hit, "origin")?.get).toBeTypeOf("function");
    const many = await fromSecretsManager({ ...config(), prefix, sep: ":" }).getMany!(["db"]);
    expect(many.get("db")?.origin).toBe(`secretsmanager:${prefix}:db@${version}`);
  });

  it("a team-scoped name keeps its origin text (it is not the id's usual name)", async () => {
    const prefix = uniquePrefix("sm-origin-team");
    const version = await store(`${prefix}/team_a--db`, "postgres://h");
    const hit = await fromSecretsManager({ ...config(), prefix, team: "team_a" }).get("db");
    expect(hit?.origin).toBe(`secretsmanager:${prefix}/team_a--db@${version}`);
    expect(Object.getOwnPropertyDescriptor(hit, "origin")?.value).toBe(hit?.origin);
  });
});
