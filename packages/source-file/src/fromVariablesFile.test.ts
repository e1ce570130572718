import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectionFormatError, SourceError } from "@awsconn/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromVariablesFile } from "./fromVariablesFile.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "awsconn-vars-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe("fromVariablesFile", () => {
  it("reads JSON: string values with their line; null is not here", async () => {
    const path = await file(
      "v.json",
      '{\n  "region": "eu-west-1",\n  "nothing": null,\n  "doc": "{\\"a\\": 1}"\n}\n',
    );
    const vars = fromVariablesFile({ path });
    expect(await vars.getVariable("region")).toEqual({ value: "eu-west-1", origin: `file:${path}:2` });
    expect((await vars.getVariable("doc"))?.value).toBe('{"a": 1}');
    expect(await vars.getVariable("nothing")).toBeUndefined();
    expect(await vars.getVariable("absent")).toBeUndefined();
  });

  it("reads YAML (.yml, upper-case extension too) and .env, raw", async () => {
    const yaml = await file("v.YML", "region: eu-west-1\nquoted: ' padded '\n");
    expect(await fromVariablesFile({ path: yaml }).getVariable("quoted")).toEqual({
      value: " padded ",
      origin: `file:${yaml}:2`,
    });
    const env = await file("v.env", "# comment\nREGION=eu-west-1\nurl=http://h/?a=b=c\n");
    const vars = fromVariablesFile({ path: env });
    expect(await vars.getVariable("REGION")).toEqual({ value: "eu-west-1", origin: `file:${env}:2` });
    expect((await vars.getVariable("url"))?.value).toBe("http://h/?a=b=c");
    expect(await vars.getVariable("region")).toBeUndefined(); // keys are case-sensitive in files
  });

  it("a key defined twice in .env fails every lookup, naming the line, not the value", async () => {
    const path = await file("v.env", "A=one\nB=s3cr3t-value\nB=other\n");
    const error = await errorOf(fromVariablesFile({ path }).getVariable("A"));
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect((error as ConnectionFormatError).line).toBe(3);
    expect(String((error as Error).message)).toMatch(/"B" is defined more than once/);
    expect(String((error as Error).message)).not.toContain("s3cr3t");
  });

  it("in .env, a malformed line is reported before an earlier key defined twice (Airflow's order)", async () => {
    const path = await file("v.env", "A=1\nA=2\nB=\n");
    const error = await errorOf(fromVariablesFile({ path }).getVariable("A"));
    expect((error as ConnectionFormatError).line).toBe(3);
    expect((error as Error).message).toMatch(/Value is empty/);
  });

  it("a value that is not a string is a clear error at its line (Airflow would hand over the object)", async () => {
    const path = await file("v.yaml", "a: text\nport: 5432\n");
    const error = await errorOf(fromVariablesFile({ path }).getVariable("a"));
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect((error as ConnectionFormatError).line).toBe(2);
    expect((error as Error).message).toMatch(/"port" is a number, not a string.*quote/);
  });

  it("lists keys and reports problems in file order, integer-like keys included (Python's dict order)", async () => {
    const path = await file("v.json", '{\n  "b": "x",\n  "2": "y",\n  "b": "z",\n  "a": "w"\n}\n');
    const keys: string[] = [];
    for await (const key of fromVariablesFile({ path }).listVariables?.() ?? []) keys.push(key);
    expect(keys).toEqual(["b", "2", "a"]);
    const bad = await file("w.json", '{\n  "b": 1,\n  "2": []\n}\n');
    const error = await errorOf(fromVariablesFile({ path: bad }).getVariable("a"));
    expect((error as ConnectionFormatError).line).toBe(2);
  });

  it("syntax errors, empty files, non-objects and bad extensions are ConnectionFormatErrors", async () => {
    const cases: [string, string, RegExp][] = [
      ["a.json", '{"a": ', /Expecting value/],
      ["b.json", "", /The file is empty/],
      ["c.yaml", "- a\n- b\n", /should contain an object/],
      ["d.txt", "a=b", /unsupported file format/],
      ["e.env", "novalue\n", /equal sign/],
    ];
    for (const [name, text, reason] of cases) {
      const error = await errorOf(fromVariablesFile({ path: await file(name, text) }).getVariable("a"));
      expect(error, name).toBeInstanceOf(ConnectionFormatError);
      expect((error as Error).message, name).toMatch(reason);
    }
  });

  it("a missing file is a SourceError; an edit is seen by the next lookup", async () => {
    const path = join(dir, "later.json");
    const vars = fromVariablesFile({ path });
    expect(await errorOf(vars.getVariable("a"))).toBeInstanceOf(SourceError);
    await writeFile(path, '{"a": "1"}');
    expect((await vars.getVariable("a"))?.value).toBe("1");
    await writeFile(path, '{"a": "22"}');
    expect((await vars.getVariable("a"))?.value).toBe("22");
  });
});
