// Plants secrets in connections and errors and checks that no printing path shows them:
// console.log / console.error / console.dir, util.inspect / util.format, JSON.stringify, directly and
// nested in other values. (console.table lists raw field values and is not covered.)
import { Console } from "node:console";
import { Writable } from "node:stream";
import { format, inspect } from "node:util";
import { describe, expect, test } from "vitest";
import {
  ConfigError,
  type Connection,
  ConnectionFormatError,
  ConnectionNotFoundError,
  InvalidConnIdError,
  parseConnectionJson,
  parseConnectionUri,
  parseConnectionValue,
  SourceError,
} from "../src/index.js";
import { quote } from "../src/python/pythonQuote.js";

const SECRETS = {
  password: "PW-s3cr3t-Zq9",
  aws_secret_access_key: "SAK-wJalrXUtnFEMI",
  aws_session_token: "TOK-FwoGZXIvYXdz",
  extraPassword: "EXPW-hunter2",
  privateKey: "PK-BEGIN-RSA-77",
  deepToken: "DEEP-tok-42",
  nestedSecret: "NEST-sec-13",
};
const ALL = Object.values(SECRETS);

const EXTRA = {
  region_name: "eu-west-1",
  aws_secret_access_key: SECRETS.aws_secret_access_key,
  aws_session_token: SECRETS.aws_session_token,
  password: SECRETS.extraPassword,
  nested: { private_key: SECRETS.privateKey, deeper: [{ token: SECRETS.deepToken }] },
  service_config: { s3: { client_secret: SECRETS.nestedSecret } },
};
const FIELDS = {
  conn_type: "aws",
  login: "AKIAEXAMPLE",
  password: SECRETS.password,
  host: "h",
  extra: EXTRA,
};
const JSON_TEXT = JSON.stringify(FIELDS);
const URI = `aws://AKIAEXAMPLE:${quote(SECRETS.password)}@h/?__extra__=${encodeURIComponent(JSON.stringify(EXTRA))}`;

function captureConsole(...values: unknown[]): string {
  let out = "";
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  const c = new Console({ stdout: sink, stderr: sink });
  c.log(...values);
  c.error(...values);
  c.dir(values[0], { depth: null });
  return out;
}

/** Every way a value is commonly printed, alone and nested. */
function renderings(value: unknown): Record<string, string> {
  return {
    "console.log/error/dir": captureConsole(value, { nested: value }, [value]),
    inspect: inspect(value),
    "inspect depth:null showHidden": inspect({ a: [value] }, { depth: null, showHidden: true }),
    "format %o %O %j %s": format("%o %O %j %s", value, value, value, value),
    "JSON.stringify": JSON.stringify(value),
    "JSON.stringify nested": JSON.stringify({ list: [value], map: { value } }, null, 2),
    template: `${String(value)}`,
  };
}

function expectNoSecret(value: unknown): void {
  for (const [how, text] of Object.entries(renderings(value))) {
    for (const secret of ALL) expect(text, `${how} shows ${secret}`).not.toContain(secret);
    expect(text, `${how} shows the raw URI`).not.toContain(URI);
  }
}

describe("connections returned by every parser print without secrets", () => {
  const parsed: [string, () => Connection][] = [
    ["parseConnectionUri", () => parseConnectionUri(URI, "aws_default")],
    ["parseConnectionJson(text)", () => parseConnectionJson(JSON_TEXT, "aws_default")],
    ["parseConnectionJson(object)", () => parseConnectionJson(structuredClone(FIELDS), "aws_default")],
    ["parseConnectionValue(URI)", () => parseConnectionValue(`  ${URI}\n`, "aws_default")],
    ["parseConnectionValue(JSON)", () => parseConnectionValue(`\n${JSON_TEXT}`, "aws_default")],
  ];

  test.each(parsed)("%s", (_name, parse) => {
    const c = parse();
    // The secrets are really there and readable...
    expect(c.password).toBe(SECRETS.password);
    expect(c.extra).toEqual(EXTRA);
    // ...but no printing path shows them, while the harmless fields still show.
    expectNoSecret(c);
    expect(JSON.stringify(c)).toContain("eu-west-1");
    expect(inspect(c)).toContain("AKIAEXAMPLE");
    expect(JSON.parse(JSON.stringify(c)).password).toBe("***");
  });
});

describe("errors raised while parsing secret-bearing input do not repeat it", () => {
  const p = SECRETS.password;
  const bad: [string, () => unknown][] = [
    ["password read as a port", () => parseConnectionUri(`aws://AKIAEXAMPLE:${p}`, "c")],
    ["password with '/' read as a port", () => parseConnectionUri(`aws://AKIAEXAMPLE:${p}/x@h`, "c")],
    ["port out of range", () => parseConnectionUri(`aws://u:${p}@h:99999`, "c")],
    ["three '://'", () => parseConnectionUri(`aws://u:${p}@h://x://y`, "c")],
    ["login in the host protocol", () => parseConnectionUri(`aws://u:${p}@k8s://h`, "c")],
    ["bad bracketed host", () => parseConnectionUri(`aws://u:${p}@[${p}]`, "c")],
    ["NFKC trick", () => parseConnectionUri(`aws://u:${p}\u2100@h`, "c")],
    ["__extra__ not JSON", () => parseConnectionUri(`aws://h?__extra__=${p}`, "c")],
    ["__extra__ not an object", () => parseConnectionUri(`aws://h?__extra__=%5B%22${p}%22%5D`, "c")],
    [
      "JSON syntax",
      () => parseConnectionJson(`{"password": "${p}", "extra": {"token": "${SECRETS.deepToken}"`, "c"),
    ],
    ["JSON port", () => parseConnectionJson(`{"password": "${p}", "port": "${SECRETS.nestedSecret}"}`, "c")],
    ["JSON extra string", () => parseConnectionJson(`{"extra": "${SECRETS.aws_session_token}"}`, "c")],
    ["JSON unknown key", () => parseConnectionJson(`{"pasword": "${p}"}`, "c")],
    ["JSON mixed uri", () => parseConnectionJson(`{"uri": "x://u:${p}@h", "password": "${p}"}`, "c")],
    ["value: JSON", () => parseConnectionValue(`{"password": "${p}",}`, "c")],
    ["bad id", () => parseConnectionUri(URI, "bad id")],
  ];

  test.each(bad)("%s", (_name, parse) => {
    let error: unknown;
    try {
      parse();
    } catch (e) {
      error = e;
    }
    expect(error instanceof ConnectionFormatError || error instanceof InvalidConnIdError).toBe(true);
    expectNoSecret(error);
    expect((error as Error).stack ?? "").not.toContain(p);
  });
});

describe("every error class serialises without its secret-bearing cause", () => {
  const cause = new Error(
    `AccessDenied for key ${SECRETS.aws_secret_access_key} token ${SECRETS.aws_session_token}`,
  );
  test.each([
    [
      "ConnectionNotFoundError",
      new ConnectionNotFoundError("aws_default", ["env", "secretsmanager"], { cause }),
    ],
    [
      "ConnectionFormatError",
      new ConnectionFormatError("port is not a number", { origin: "env:X", line: 1, cause }),
    ],
    [
      "SourceError",
      new SourceError("GetSecretValue failed", { source: "secretsmanager", retryable: true, cause }),
    ],
    ["ConfigError", new ConfigError("unknown source type", { path: "sources[0].type", cause })],
    ["InvalidConnIdError", new InvalidConnIdError("bad id", "only letters")],
  ])("%s", (_name, error) => {
    const json = JSON.stringify(error);
    for (const secret of ALL) {
      expect(json).not.toContain(secret);
      expect(error.message).not.toContain(secret);
    }
    expect(JSON.parse(json)).toMatchObject({ name: error.name, code: error.code, message: error.message });
    expect(error.cause === undefined || error.cause === cause).toBe(true);
  });
});
