// Every connection example in the README parses (as Airflow's URI or JSON form) and resolves to the
// method its section promises.
import { readFileSync } from "node:fs";
import { parseConnectionJson, parseConnectionUri } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import type { CredentialMethod } from "../src/AwsClientConfig.js";
import { resolveAwsConfig } from "../src/resolveAwsConfig.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```(json)?\n([^`]*?)\n```/g)].map((m) => ({
  json: m[1] === "json",
  text: m[2]!,
}));
const examples = blocks.filter(
  (b) => b.text.startsWith("aws://") || (b.json && b.text.startsWith('{"conn_type"')),
);

const expected: {
  method: CredentialMethod;
  region?: string;
  roleArn?: string;
  endpoint?: string;
  warning?: RegExp;
}[] = [
  { method: "static", region: "eu-west-1" },
  { method: "assume-role", region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/etl" },
  {
    method: "assume-role",
    region: "eu-west-1",
    roleArn: "arn:aws:iam::123456789012:role/etl",
    warning: /deprecated/,
  },
  { method: "web-identity", region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/etl" },
  { method: "profile", region: "eu-west-1" },
  { method: "default-chain" },
  { method: "static", region: "us-east-1", endpoint: "http://localhost:4566" },
];

describe("README examples", () => {
  it("has a URI and a JSON form for each of the seven shapes", () => {
    expect(examples).toHaveLength(expected.length * 2);
    examples.forEach((e, i) => {
      expect(e.json, `example ${i}`).toBe(i % 2 === 1);
    });
  });

  it.each(examples.map((e, i) => [i, e] as const))("example %i resolves as documented", async (i, e) => {
    const want = expected[Math.floor(i / 2)]!;
    const connection = e.json ? parseConnectionJson(e.text, "readme") : parseConnectionUri(e.text, "readme");
    const config = await resolveAwsConfig(connection, { env: {}, service: "s3" });
    expect(config.method).toBe(want.method);
    expect(config.region).toBe(want.region);
    expect(config.roleArn).toBe(want.roleArn);
    if (want.endpoint) expect(config.endpoint).toBe(want.endpoint);
    if (want.warning) expect(config.warnings.join("\n")).toMatch(want.warning);
    else expect(config.warnings).toEqual([]);
  });
});
