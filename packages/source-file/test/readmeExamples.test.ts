import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fromFile } from "../src/fromFile.js";

// The README's file examples, taken from the README itself, must load as it says they do.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const block = (lang: string, marker: string): string => {
  for (const m of readme.matchAll(/```(\w+)\n([\s\S]*?)```/g))
    if (m[1] === lang && m[2]?.includes(marker)) return m[2];
  throw new Error(`no ${lang} block with ${marker} in the README`);
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "awsconn-readme-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(name: string, content: string) {
  const path = join(dir, name);
  await writeFile(path, content);
  await chmod(path, 0o600);
  return fromFile({ path, logger: { warn: () => {} } });
}

it("loads the README's YAML example", async () => {
  const file = await load("connections.yaml", block("yaml", "warehouse:"));
  expect((await file.get("aws_default"))?.connection).toMatchObject({
    login: "AKIAIOSFODNN7EXAMPLE",
    password: "wJalr/XUtnFEMI",
  });
  expect((await file.get("warehouse"))?.connection).toMatchObject({
    connType: "postgres",
    port: 5432,
    extra: { sslmode: "require" },
  });
  expect((await file.get("legacy"))?.connection).toMatchObject({
    connType: "mysql",
    port: 3306,
    description: "kept for the old jobs",
  });
  expect((await file.get("profile_only"))?.connection.extra).toEqual({ profile_name: "analytics" });
});

it("loads the README's JSON example", async () => {
  const file = await load("connections.json", block("json", "warehouse"));
  expect((await file.get("warehouse"))?.connection.extra).toEqual({ sslmode: "require" });
  expect((await file.get("assumed"))?.connection.extra).toEqual({
    role_arn: "arn:aws:iam::123456789012:role/etl",
  });
});

it("loads the README's .env example", async () => {
  const file = await load("connections.env", block("sh", "connections.env"));
  expect((await file.get("AWS_DEFAULT"))?.origin).toMatch(/:2$/);
  expect((await file.get("warehouse"))?.connection).toMatchObject({
    host: "db.internal",
    schema: "warehouse",
  });
});
