import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { format, inspect } from "node:util";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { ConnectionSource } from "@awsconn/core";
import { connectionToJson, InvalidConnIdError, isAwsconnError, parseConnectionUri } from "@awsconn/core";
import { resolveAwsConfig } from "@awsconn/credentials";
import { fromEnv } from "@awsconn/source-env";
import { fromFile } from "@awsconn/source-file";
import { fromSecretsManager } from "@awsconn/source-secrets-manager";
import { fromSsm } from "@awsconn/source-ssm";
import { awsTestClientConfig, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { createResolver, type ResolverEvent } from "awsconn";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allSourcesConfigYaml } from "./support/allSourcesConfig.js";
import { CLI_BUILT, runCli } from "./support/cli.js";

// A planted secret of each kind, in every source. Each is an alphanumeric core (survives URI
// quoting, JSON and shell quoting unchanged, so a search finds any leak) wrapped in characters
// that need escaping.
const tag = randomBytes(5).toString("hex");
const CORES = {
  password: `PLANTEDpw${tag}`,
  secretKey: `PLANTEDsk${tag}`,
  sessionToken: `PLANTEDst${tag}`,
  extraPassword: `PLANTEDxp${tag}`,
};
const PASSWORD = `${CORES.password}/+'$x`;
const SECRET_KEY = `${CORES.secretKey}+/=`;
const SESSION_TOKEN = `${CORES.sessionToken}//==`;
const EXTRA_PASSWORD = `${CORES.extraPassword}"&`;
const ALL = Object.values(CORES);

/** Throws naming the leaked secret and where it appeared. */
function expectNoSecret(text: string, where: string): void {
  for (const core of ALL) {
    if (text.includes(core))
      throw new Error(`planted secret ${core.slice(0, 9)} leaked in ${where}:\n${text.slice(0, 2000)}`);
  }
}

/** Every way a value is commonly printed. */
function renderings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {
    "util.inspect": inspect(value, { depth: 20 }),
    "util.inspect(showHidden)": inspect(value, { depth: 20, showHidden: true }),
    "console.dir": inspect(value, { depth: 20, customInspect: false }),
    "util.format(%o)": format("%o", value),
    "String()": safe(() => String(value)),
    "JSON.stringify": safe(() => JSON.stringify(value) ?? ""),
  };
  if (value instanceof Error) out.stack = value.stack ?? "";
  // The cause chain, as a logger that walks `cause` prints it.
  let cause = (value as { cause?: unknown } | null)?.cause;
  for (let depth = 1; depth <= 10 && cause !== undefined && cause !== null; depth++) {
    out[`cause ${depth}`] =
      cause instanceof Error ? `${cause.message}\n${cause.stack}` : safe(() => String(cause));
    cause = (cause as { cause?: unknown }).cause;
  }
  return out;
}
function safe(f: () => string): string {
  try {
    return f();
  } catch (e) {
    return `(throws ${(e as Error).name})`;
  }
}
function expectNoSecretIn(value: unknown, what: string): void {
  for (const [how, text] of Object.entries(renderings(value))) expectNoSecret(text, `${how} of ${what}`);
}

// The planted connection, as Airflow JSON (file, Secrets Manager, SSM) and as a URI (env, .env).
const FIELDS = {
  conn_type: "aws",
  login: "AKIAPLANTEDLOGIN",
  password: PASSWORD,
  extra: {
    aws_secret_access_key: SECRET_KEY,
    aws_session_token: SESSION_TOKEN,
    password: EXTRA_PASSWORD,
    region_name: "us-east-1",
  },
};
const JSON_VALUE = JSON.stringify(FIELDS);
const URI_VALUE = `aws://AKIAPLANTEDLOGIN:${encodeURIComponent(PASSWORD)}@/?__extra__=${encodeURIComponent(JSON.stringify(FIELDS.extra))}`;
// Malformed values that still carry every secret: a port out of range.
const BAD_URI = `aws://AKIAPLANTEDLOGIN:${encodeURIComponent(PASSWORD)}@host:99999/?__extra__=${encodeURIComponent(JSON.stringify(FIELDS.extra))}`;
const BAD_JSON = JSON.stringify({ ...FIELDS, port: "not-a-port" });

const smPrefix = uniquePrefix("leaks");
const ssmPrefix = `/${uniquePrefix("leaks-ssm")}`;
const dir = mkdtempSync(join(tmpdir(), "awsconn-leaks-"));
const files = {
  yaml: join(dir, "connections.yaml"),
  json: join(dir, "connections.json"),
  env: join(dir, "connections.env"),
  badYaml: join(dir, "bad.yaml"),
  badJson: join(dir, "bad.json"),
  badEnv: join(dir, "bad.env"),
  syntaxYaml: join(dir, "syntax.yaml"),
  syntaxJson: join(dir, "syntax.json"),
};

beforeAll(async () => {
  writeFileSync(files.yaml, `planted: ${JSON_VALUE}\nplanted_uri: ${JSON.stringify(URI_VALUE)}\n`);
  writeFileSync(files.json, JSON.stringify({ planted: FIELDS }));
  writeFileSync(files.env, `PLANTED=${URI_VALUE}\n`);
  writeFileSync(files.badYaml, `planted: ${BAD_JSON}\n`);
  writeFileSync(files.badJson, JSON.stringify({ planted: BAD_URI }));
  writeFileSync(files.badEnv, `planted=${BAD_URI}\nbroken line ${PASSWORD}\n`);
  // Syntax errors right next to the secrets.
  writeFileSync(
    files.syntaxYaml,
    `planted:\n  password: "${CORES.password}\n  extra: {aws_session_token: ${CORES.sessionToken}`,
  );
  writeFileSync(
    files.syntaxJson,
    `{"planted": {"password": "${CORES.password}", "extra": {"aws_secret_access_key": ${CORES.secretKey}}}`,
  );
  for (const f of Object.values(files)) chmodSync(f, 0o600);

  const sm = new SecretsManagerClient(awsTestClientConfig());
  const ssm = new SSMClient(awsTestClientConfig());
  for (const [id, value] of [
    ["planted", JSON_VALUE],
    ["planted_uri", URI_VALUE],
    ["bad", BAD_JSON],
    ["bad_uri", BAD_URI],
  ]) {
    await sm.send(new CreateSecretCommand({ Name: `${smPrefix}/${id}`, SecretString: value }));
    await ssm.send(
      new PutParameterCommand({ Name: `${ssmPrefix}/${id}`, Value: value, Type: "SecureString" }),
    );
  }
}, 60_000);

const aws = { region: "us-east-1", endpoint: motoEndpoint() };
const originalEnv = { ...process.env };
beforeAll(() => {
  process.env.AWS_ACCESS_KEY_ID = "testing";
  process.env.AWS_SECRET_ACCESS_KEY = "testing";
  delete process.env.AWS_PROFILE;
});
afterAll(() => {
  process.env = originalEnv;
});

const ENV = {
  AIRFLOW_CONN_PLANTED: URI_VALUE,
  AIRFLOW_CONN_PLANTED_JSON: JSON_VALUE,
  AIRFLOW_CONN_BAD: BAD_URI,
  AIRFLOW_CONN_BAD_JSON: BAD_JSON,
};

/** Each source with a good id and the ids whose data is malformed. */
const SOURCES: { label: string; make: () => ConnectionSource; good: string[]; bad: string[] }[] = [
  {
    label: "env",
    make: () => fromEnv({ env: ENV }),
    good: ["planted", "planted_json"],
    bad: ["bad", "bad_json"],
  },
  {
    label: "file (yaml)",
    make: () => fromFile({ path: files.yaml }),
    good: ["planted", "planted_uri"],
    bad: [],
  },
  { label: "file (json)", make: () => fromFile({ path: files.json }), good: ["planted"], bad: [] },
  { label: "file (.env)", make: () => fromFile({ path: files.env }), good: ["PLANTED"], bad: [] },
  { label: "file (bad yaml)", make: () => fromFile({ path: files.badYaml }), good: [], bad: ["planted"] },
  { label: "file (bad json)", make: () => fromFile({ path: files.badJson }), good: [], bad: ["planted"] },
  { label: "file (bad .env)", make: () => fromFile({ path: files.badEnv }), good: [], bad: ["planted"] },
  {
    label: "file (yaml syntax)",
    make: () => fromFile({ path: files.syntaxYaml }),
    good: [],
    bad: ["planted"],
  },
  {
    label: "file (json syntax)",
    make: () => fromFile({ path: files.syntaxJson }),
    good: [],
    bad: ["planted"],
  },
  {
    label: "secretsmanager",
    make: () => fromSecretsManager({ prefix: smPrefix, ...aws }),
    good: ["planted", "planted_uri"],
    bad: ["bad", "bad_uri"],
  },
  {
    label: "ssm",
    make: () => fromSsm({ prefix: ssmPrefix, ...aws }),
    good: ["planted", "planted_uri"],
    bad: ["bad", "bad_uri"],
  },
];

describe("planted secrets never leak", () => {
  for (const { label, make, good, bad } of SOURCES) {
    it(`${label}: hits, connections, errors, events, explain, resolver, AWS client config`, async () => {
      const events: ResolverEvent[] = [];
      const warnings: string[] = [];
      const source = make();
      const resolver = createResolver({ sources: [source], logger: (e) => events.push(e) });
      let checked = 0;
      for (const id of good) {
        const hit = await source.get(id);
        expect(hit?.connection.password).toBe(PASSWORD); // the secret is really there
        expectNoSecretIn(hit, `${label} hit`);
        const connection = await resolver.get(id);
        expect(connection.extra.aws_session_token).toBe(SESSION_TOKEN);
        expectNoSecretIn(connection, `${label} connection`);
        expectNoSecretIn(await resolver.explain(id), `${label} explain`);
        const config = await resolver.getAwsClientConfig(id, "s3");
        const identity = await config.credentials();
        expect(identity.secretAccessKey).toBe(PASSWORD); // login/password are the keys, as in Airflow
        expectNoSecretIn(config, `${label} getAwsClientConfig`);
        expectNoSecretIn(await resolveAwsConfig(connection), `${label} resolveAwsConfig`);
        checked++;
      }
      for (const id of bad) {
        const direct = await source.get(id).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isAwsconnError(direct), `${label} ${id}: ${String(direct)}`).toBe(true);
        expectNoSecretIn(direct, `${label} error for ${id}`);
        const viaResolver = await resolver.get(id).catch((e: unknown) => e);
        expect(isAwsconnError(viaResolver)).toBe(true);
        expectNoSecretIn(viaResolver, `${label} resolver error for ${id}`);
        expectNoSecretIn(await resolver.explain(id), `${label} explain of ${id}`);
        checked++;
      }
      expect(checked).toBe(good.length + bad.length);
      expectNoSecretIn(resolver, `${label} resolver`);
      expectNoSecretIn(source, `${label} source`);
      expectNoSecret(JSON.stringify(events), `${label} logger events`);
      expectNoSecret(warnings.join("\n"), `${label} warnings`);
      expect(events.length).toBeGreaterThan(0);
    });
  }

  it("codec: a parsed connection, its Airflow JSON form printed redacted, and codec errors", () => {
    const c = parseConnectionUri(URI_VALUE, "planted");
    expectNoSecretIn(c, "parsed connection");
    // connectionToJson is a serialiser (it must carry the password); its result is data, not a log line.
    expect(JSON.stringify(connectionToJson(c))).toContain(CORES.password);
    const error = (() => {
      try {
        parseConnectionUri(BAD_URI, "bad");
      } catch (e) {
        return e;
      }
    })();
    expectNoSecretIn(error, "codec error");
  });

  it("a console-like logger receives no secret either", async () => {
    const lines: string[] = [];
    const logger = {
      warn: (m: string, e: unknown) => lines.push(format(m, e)),
      info: (m: string, e: unknown) => lines.push(format(m, e)),
      debug: (m: string, e: unknown) => lines.push(format(m, e)),
    };
    const resolver = createResolver({ sources: [fromEnv({ env: ENV })], logger });
    await resolver.get("planted");
    await resolver.get("bad").catch(() => undefined);
    await resolver.get("missing").catch(() => undefined);
    expect(lines.length).toBeGreaterThan(0);
    expectNoSecret(lines.join("\n"), "console logger");
  });
});

describe.runIf(CLI_BUILT)("the built CLI without --show-secrets", () => {
  const config = join(dir, "awsconn.config.yaml");
  beforeAll(() => {
    writeFileSync(config, allSourcesConfigYaml(files.yaml, smPrefix, ssmPrefix));
  });
  const env = { ...ENV, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" };
  const cases: [string[], number[]][] = [
    [["get", "planted"], [0]],
    [["--json", "get", "planted"], [0]],
    [["get", "planted_uri"], [0]],
    [["uri", "planted"], [0]],
    [["explain", "planted"], [0]],
    [["--json", "explain", "planted"], [0]],
    [["--verbose", "get", "planted_uri"], [0]],
    [["list"], [0]],
    [["get", "bad"], [5]],
    [["--json", "get", "bad_json"], [5]],
    [
      ["explain", "bad"],
      [0, 3, 5],
    ],
    [["check", files.badYaml, files.badJson, files.badEnv, files.syntaxYaml, files.syntaxJson], [5]],
    [["check", files.yaml, files.json, files.env], [0]],
    [["copy", "planted", "--to", `file:${join(dir, "copy.yaml")}`, "--dry-run"], [0]],
  ];
  for (const [args, codes] of cases) {
    it(`awsconn ${args.join(" ").replaceAll(dir, "<dir>")}`, async () => {
      const r = await runCli(["--config", config, ...args], { env });
      expect(codes, `exit ${r.code}: ${r.stderr}`).toContain(r.code);
      expectNoSecret(r.stdout, "stdout");
      expectNoSecret(r.stderr, "stderr");
      if (r.code === 0 && args.includes("get")) expect(r.stdout).toContain("AKIAPLANTEDLOGIN");
    });
  }
});

// Issue 14 item 4: the shapes that leaked before, each planted with a secret and checked on every channel.
describe("planted secrets never leak from error shapes", () => {
  const P = CORES.password;
  /** Looks `id` up through a resolver over `sources`; checks the result or error, explain and events. */
  async function lookUp(sources: ConnectionSource[], id: string, mode?: "first" | "merge") {
    const events: ResolverEvent[] = [];
    const resolver = createResolver({ sources, logger: (e) => events.push(e), ...(mode ? { mode } : {}) });
    const outcome = await resolver.get(id).catch((e: unknown) => e);
    expectNoSecretIn(outcome, `lookup of ${id}`);
    expectNoSecretIn(await resolver.explain(id).catch((e: unknown) => e), `explain of ${id}`);
    expectNoSecret(JSON.stringify(events), `events of ${id}`);
    return outcome;
  }

  it.each([
    ["unresolved tag", `planted:\n  conn_type: aws\n  password: !${P}\n`, /unresolved tag/],
    ["| block header", `planted:\n  conn_type: aws\n  password: |${P}\n    x\n`, /block scalar header/],
    ["> block header", `planted:\n  conn_type: aws\n  password: >${P}\n    x\n`, /block scalar header/],
    ["alias name", `planted:\n  conn_type: aws\n  password: *${P}\n`, /unresolved alias/],
    ["\\U escape", `planted:\n  conn_type: aws\n  password: "x\\U${P}"\n`, /invalid escape/],
    ["unclosed quote", `planted:\n  password: "${P}\n  host: h\n`, /unclosed quoted scalar/],
  ])("YAML %s: the reason and line, never the text", async (_shape, text, reason) => {
    const path = join(dir, `shape-${_shape.replace(/\W+/g, "_")}.yaml`);
    writeFileSync(path, text, { mode: 0o600 });
    const error = await lookUp([fromFile({ path })], "planted");
    expect(isAwsconnError(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toMatch(/:\d+: /); // file:PATH:LINE
  });

  it("a backend body cut inside the secret, and a 502 with an HTML body: HTTP status, never the body", async () => {
    const bodies = [
      { status: 200, type: "application/x-amz-json-1.1", body: `{"Name":"x","SecretString":"aws://k:${P}@h` },
      { status: 502, type: "text/html", body: `<html>Bad Gateway ${P}</html>` },
    ];
    for (const { status, type, body } of bodies) {
      const server = createServer((req, res) => {
        req.resume();
        req.on("end", () => {
          res.writeHead(status, { "content-type": type });
          res.end(body);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const source = fromSecretsManager({ region: "us-east-1", endpoint, maxAttempts: 1 });
        const error = await lookUp([source], "planted");
        expect((error as Error).message).toContain(`HTTP ${status}`);
      } finally {
        server.close();
      }
    }
  });

  it("a URI given as a connection id is not echoed", async () => {
    const error = await lookUp([fromEnv({ env: ENV })], `aws://AKIAPLANTEDLOGIN:${P}@host/?x=1`);
    expect(error).toBeInstanceOf(InvalidConnIdError);
  });

  it("extras nested 40 levels deep and secret-looking key names (pwd, auth, connection_string, cookie, jwt...)", async () => {
    let deep: Record<string, unknown> = { password: `${P}-deep`, token: `${P}-tok` };
    for (let i = 0; i < 40; i++) deep = { level: deep };
    const extra = {
      pwd: `${P}1`,
      auth: `${P}2`,
      connection_string: `${P}3`,
      cookie: `${P}4`,
      jwt: `${P}5`,
      apiKey: `${P}6`,
      nested: [{ sessionCookie: `${P}7`, oauth_client_secret: `${P}8`, dsn: `${P}9` }],
      deep,
    };
    const path = join(dir, "deep.json");
    writeFileSync(path, JSON.stringify({ planted: { conn_type: "http", host: "h", extra } }), {
      mode: 0o600,
    });
    const connection = await lookUp([fromFile({ path })], "planted");
    expect((connection as { extra: typeof extra }).extra.jwt).toBe(`${P}5`); // readable, only not printed
  });

  it("a custom source's own error (and its cause chain) is summarised, never printed", async () => {
    const failing: ConnectionSource = {
      name: "custom",
      get: async () => {
        throw new TypeError(`boom postgres://u:${P}@h`, { cause: new Error(`inner ${P}`) });
      },
    };
    const error = await lookUp([failing], "planted");
    expect(isAwsconnError(error)).toBe(true);
    expect((error as Error).cause).toBeDefined(); // kept as a summary: name and stack frames
  });

  it("a custom source's plain-object connection comes back protected in first mode", async () => {
    const plain: ConnectionSource = {
      name: "custom",
      get: async (connId) => ({
        connection: { connId, host: "h", password: P, extra: { aws_session_token: P } },
        origin: "custom",
      }),
    };
    const connection = await lookUp([plain], "planted", "first");
    expect((connection as { password: string }).password).toBe(P);
  });
});

describe.runIf(CLI_BUILT)("the built CLI: exec with a password holding a NUL byte", () => {
  it("the spawn error does not print the password", async () => {
    const env = { AIRFLOW_CONN_NUL: `aws://AKIAPLANTEDLOGIN:${CORES.password}%00x@/` };
    const r = await runCli(["exec", "nul", "--", "true"], { env });
    expect(r.code).not.toBe(0);
    expectNoSecret(r.stdout, "stdout");
    expectNoSecret(r.stderr, "stderr");
  });
});
