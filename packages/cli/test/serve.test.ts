// `awsconn serve` (the built binary) against real clients: botocore from the repo's .venv and the AWS SDK
// for JavaScript read credentials through AWS_CONTAINER_CREDENTIALS_FULL_URI and call moto's STS.
import { randomBytes } from "node:crypto";
import { lstatSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { type LoopbackProxy, startLoopbackProxy } from "@awsconn/testkit/faults";
import { ensureVenv, freePort, motoEndpoint } from "@awsconn/testkit/moto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, MARKER, SECRET } from "./plant.js";
import { requireBuiltBin, runBin } from "./runBin.js";
import {
  BOTOCORE_WHOAMI,
  execFileP,
  JS_SDK_WHOAMI,
  type ServeProcess,
  sdkEnv,
  startServe,
} from "./startServe.js";

const STATIC_KEY = "AKIASERVESTATIC01";
const staticConn = JSON.stringify({
  conn_type: "aws",
  login: STATIC_KEY,
  password: SECRET,
  extra: { region_name: "us-east-1" },
});
/** An assume-role connection whose STS calls go to `stsEndpoint` (only service_config.sts counts). */
const roleConn = (stsEndpoint: string, role = "serve-role", more: Record<string, unknown> = {}) =>
  JSON.stringify({
    conn_type: "aws",
    login: "testing",
    password: "testing",
    extra: {
      role_arn: `arn:aws:iam::123456789012:role/${role}`,
      region_name: "us-east-1",
      service_config: { sts: { endpoint_url: stsEndpoint } },
      ...more,
    },
  });
/** A role whose STS never answers and whose timeouts are a minute long: its requests stay in progress. */
const stuckConn = (stsEndpoint: string) =>
  roleConn(stsEndpoint, "stuck-role", { config_kwargs: { connect_timeout: 60, read_timeout: 60 } });

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with exactly these headers (fetch forbids setting Host). */
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString("utf8");
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let moto: string;
let sts: LoopbackProxy; // counts STS calls on their way to moto
let serve: ServeProcess;
let python: string;

beforeAll(async () => {
  requireBuiltBin();
  moto = motoEndpoint();
  python = await ensureVenv();
  sts = await startLoopbackProxy({ target: moto });
  serve = await startServe(["--max-concurrent", "1000", "--max-connections", "1000"], {
    AIRFLOW_CONN_STATIC: staticConn,
    AIRFLOW_CONN_AWS_DEFAULT: roleConn(sts.endpoint),
    AIRFLOW_CONN_BURST: roleConn(sts.endpoint, "burst-role"),
  });
});

afterAll(async () => {
  await serve?.stop();
  await sts?.close();
});

const auth = () => ({ authorization: serve.token as string });

describe("access control", () => {
  const paths = ["/credentials/static", "/connections/static", "/healthz"];

  it("without the token, with a wrong one, or relayed by a proxy (Forwarded, X-Forwarded-*, X-Real-IP, Via): 401/403 and no secret", async () => {
    const wrong = randomBytes(32).toString("base64url");
    const cases: [Record<string, string>, number][] = [
      [{}, 401],
      [{ authorization: wrong }, 401],
      [{ authorization: `Bearer ${wrong}` }, 401],
      [{ authorization: "" }, 401],
      [{ authorization: `${serve.token}x` }, 401],
      [{ ...auth(), "x-forwarded-for": "127.0.0.1" }, 403],
      [{ "x-forwarded-for": "10.0.0.1" }, 403],
      [{ ...auth(), forwarded: "for=127.0.0.1" }, 403],
      [{ ...auth(), "x-real-ip": "127.0.0.1" }, 403],
      [{ ...auth(), "x-forwarded-host": "localhost" }, 403],
      [{ ...auth(), via: "1.1 proxy" }, 403],
      [{ ...auth(), host: "attacker.example" }, 403],
    ];
    for (const path of paths) {
      for (const [headers, status] of cases) {
        const r = await get(`${serve.url}${path}`, headers);
        expect({ path, headers, status: r.status }).toEqual({ path, headers, status });
        expect(JSON.parse(r.body)).toEqual({ code: expect.any(String), message: expect.any(String) });
        expectNoSecret({ stdout: r.body, stderr: JSON.stringify(r.headers) });
        expect(r.body).not.toContain(STATIC_KEY);
      }
    }
    expect((await get(`${serve.url}/healthz`)).headers["www-authenticate"]).toBe("Bearer");
  });

  it("the right token, as the SDKs send it (as is) or as Bearer, is served", async () => {
    for (const authorization of [serve.token as string, `Bearer ${serve.token}`]) {
      const r = await get(`${serve.url}/credentials/static`, { authorization });
      expect(r.status).toBe(200);
      expect(r.body).toContain(MARKER);
      expect(r.headers["cache-control"]).toBe("no-store");
    }
  });

  it("the token is 256 random bits, new for every server", async () => {
    const other = await startServe([], {});
    try {
      expect(Buffer.from(serve.token as string, "base64url")).toHaveLength(32);
      expect(other.token).not.toBe(serve.token);
      expect((await get(`${other.url}/healthz`, auth())).status).toBe(401);
    } finally {
      await other.stop();
    }
  });
});

describe("routes", () => {
  it("GET /credentials/<id>: the container-credentials format", async () => {
    const r = await get(`${serve.url}/credentials/static`, auth());
    const json = JSON.parse(r.body);
    expect(Object.keys(json).sort()).toEqual(["AccessKeyId", "Expiration", "SecretAccessKey", "Token"]);
    expect(json).toMatchObject({ AccessKeyId: STATIC_KEY, SecretAccessKey: SECRET, Token: "" });
    expect(json.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // long-term keys are leased for the resolver's cache lifetime (env: cache.ttlSeconds, 300 s by
    // default), so clients come back for rotated keys by then (issue 18: was a fixed hour)
    expect(Date.parse(json.Expiration)).toBeGreaterThan(Date.now() + 60_000);
    expect(Date.parse(json.Expiration)).toBeLessThanOrEqual(Date.now() + 300_000);
  });

  it("GET /connections/<id>: Airflow JSON, secrets included; /healthz; errors", async () => {
    const conn = await get(`${serve.url}/connections/static`, auth());
    expect(conn.status).toBe(200);
    expect(JSON.parse(conn.body)).toEqual(JSON.parse(staticConn));
    expect(JSON.parse((await get(`${serve.url}/healthz`, auth())).body)).toEqual({ status: "ok" });
    const missing = await get(`${serve.url}/credentials/nowhere`, auth());
    expect([missing.status, JSON.parse(missing.body).code]).toEqual([404, "NOT_FOUND"]);
    const invalid = await get(`${serve.url}/connections/bad%20id`, auth());
    expect([invalid.status, JSON.parse(invalid.body).code]).toEqual([400, "INVALID_CONN_ID"]);
    expect((await get(`${serve.url}/nothing`, auth())).status).toBe(404);
    expect((await get(`${serve.url}/healthz`, auth(), "POST")).status).toBe(405);
  });
});

describe("real clients through AWS_CONTAINER_CREDENTIALS_FULL_URI", () => {
  const containerEnv = (id: string) =>
    sdkEnv({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${serve.url}/credentials/${id}`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: serve.token as string,
    });

  it("botocore, static keys: reads them from the server and calls moto's STS", async () => {
    const { stdout } = await execFileP(python, ["-c", BOTOCORE_WHOAMI, moto], {
      env: containerEnv("static"),
    });
    const got = JSON.parse(stdout);
    expect(got).toMatchObject({
      method: "container-role",
      access_key: STATIC_KEY,
      secret_key: SECRET,
      account: "123456789012",
    });
    expect(got.token || null).toBeNull();
  });

  it("botocore, assumed role: GetCallerIdentity shows Airflow's session name", async () => {
    const { stdout } = await execFileP(python, ["-c", BOTOCORE_WHOAMI, moto], {
      env: containerEnv("aws_default"),
    });
    const got = JSON.parse(stdout);
    expect(got.method).toBe("container-role");
    expect(got.access_key).toMatch(/^ASIA/);
    expect(got.token).toEqual(expect.any(String));
    expect(got.arn).toBe("arn:aws:sts::123456789012:assumed-role/serve-role/airflow_aws_default");
  });

  it("AWS SDK for JavaScript, default Node chain: static keys and the assumed role", async () => {
    const cwd = join(import.meta.dirname, "..");
    const plain = await execFileP(process.execPath, ["-e", JS_SDK_WHOAMI, moto], {
      env: containerEnv("static"),
      cwd,
    });
    expect(JSON.parse(plain.stdout)).toMatchObject({ accessKeyId: STATIC_KEY, secretAccessKey: SECRET });
    const role = await execFileP(process.execPath, ["-e", JS_SDK_WHOAMI, moto], {
      env: containerEnv("aws_default"),
      cwd,
    });
    const got = JSON.parse(role.stdout);
    expect(got.accessKeyId).toMatch(/^ASIA/);
    expect(Date.parse(got.expiration)).toBeGreaterThan(Date.now());
    expect(got.arn).toBe("arn:aws:sts::123456789012:assumed-role/serve-role/airflow_aws_default");
  });
});

describe("load", () => {
  it("500 concurrent requests for a role never assumed yet: one AssumeRole, 500 identical answers", async () => {
    const before = sts.count("AssumeRole");
    const answers = await Promise.all(
      Array.from({ length: 500 }, () => fetch(`${serve.url}/credentials/burst`, { headers: auth() })),
    );
    const bodies = await Promise.all(answers.map((a) => a.json() as Promise<{ AccessKeyId: string }>));
    expect(answers.map((a) => a.status)).toEqual(Array(500).fill(200));
    expect(new Set(bodies.map((b) => b.AccessKeyId)).size).toBe(1);
    expect(sts.count("AssumeRole") - before).toBe(1);
  });

  it("beyond --max-concurrent: 503 with Retry-After", async () => {
    const hang = await startLoopbackProxy({ respond: () => "hang" });
    const small = await startServe(["--max-concurrent", "2"], { AIRFLOW_CONN_SLOW: roleConn(hang.endpoint) });
    try {
      const token = { authorization: small.token as string };
      const slow = [get(`${small.url}/credentials/slow`, token), get(`${small.url}/credentials/slow`, token)];
      for (const p of slow) p.catch(() => undefined);
      while (hang.count() === 0) await new Promise((r) => setTimeout(r, 20));
      const third = await get(`${small.url}/credentials/slow`, token);
      expect(third.status).toBe(503);
      expect(third.headers["retry-after"]).toBe("1");
    } finally {
      small.child.kill("SIGKILL");
      await hang.close();
    }
  });
});

describe("refresh", () => {
  it("900-second sessions: botocore asks again on every call, one AssumeRole serves them all", async () => {
    const counter = await startLoopbackProxy({ target: moto });
    const shortConn = JSON.stringify({
      conn_type: "aws",
      login: "testing",
      password: "testing",
      extra: {
        role_arn: "arn:aws:iam::123456789012:role/short-role",
        region_name: "us-east-1",
        assume_role_kwargs: { DurationSeconds: 900 },
        service_config: { sts: { endpoint_url: counter.endpoint } },
      },
    });
    const verbose = await startServe(["--verbose", "--conn", "short"], { AIRFLOW_CONN_SHORT: shortConn });
    try {
      const script = [
        "import json, sys, botocore.session",
        "s = botocore.session.Session()",
        'sts = s.create_client("sts", region_name="us-east-1", endpoint_url=sys.argv[1])',
        'print(json.dumps([sts.get_caller_identity()["Arn"] for _ in range(4)]))',
      ].join("\n");
      const { stdout } = await execFileP(python, ["-c", script, moto], {
        env: sdkEnv({
          AWS_CONTAINER_CREDENTIALS_FULL_URI: verbose.uri,
          AWS_CONTAINER_AUTHORIZATION_TOKEN: verbose.token as string,
        }),
      });
      expect(JSON.parse(stdout)).toEqual(
        Array(4).fill("arn:aws:sts::123456789012:assumed-role/short-role/airflow_short"),
      );
      // botocore's advisory refresh (15 minutes) re-fetches 900-second credentials before each call ...
      expect(verbose.stderr().match(/GET \/credentials\/short 200/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
      // ... and the server answers from the cache: one STS call in all.
      expect(counter.count("AssumeRole")).toBe(1);
    } finally {
      await verbose.stop();
      await counter.close();
    }
  });
});

describe("--conn, --token-file and SIGTERM", () => {
  it("serves only the listed ids, writes the token 0600 instead of printing it, exits 0 on SIGTERM", async () => {
    const tokenFile = join(mkdtempSync(join(tmpdir(), "awsconn-token-")), "token");
    const only = await startServe(["--conn", "static", "--token-file", tokenFile], {
      AIRFLOW_CONN_STATIC: staticConn,
      AIRFLOW_CONN_OTHER: staticConn,
    });
    const token = readFileSync(tokenFile, "utf8");
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(only.token).toBeUndefined();
    expect(only.stderr()).not.toContain(token);
    expect(only.uri).toBe(`${only.url}/credentials/static`);
    expect((await get(only.uri, { authorization: token })).status).toBe(200);
    const other = await get(`${only.url}/credentials/other`, { authorization: token });
    expect([other.status, JSON.parse(other.body).code]).toEqual([404, "NOT_SERVED"]);
    // botocore reads the token from the file itself.
    const { stdout } = await execFileP(python, ["-c", BOTOCORE_WHOAMI, moto], {
      env: sdkEnv({
        AWS_CONTAINER_CREDENTIALS_FULL_URI: only.uri,
        AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile,
      }),
    });
    expect(JSON.parse(stdout).access_key).toBe(STATIC_KEY);
    expect(await only.stop()).toBe(0);
    expect(only.stderr()).toMatch(/SIGTERM, shutting down/);
  });
});

describe("listening", () => {
  /** Resolves "connected" or the connect error's code. */
  const tryConnect = (host: string, port: number) =>
    new Promise<string>((resolve) => {
      const socket = connect({ host, port }, () => {
        socket.destroy();
        resolve("connected");
      });
      socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    });

  it("--port N listens on 127.0.0.1:N and on no other address", async () => {
    const port = await freePort();
    const fixed = await startServe(["--port", String(port)], { AIRFLOW_CONN_STATIC: staticConn });
    try {
      expect(fixed.url).toBe(`http://127.0.0.1:${port}`);
      expect(await tryConnect("127.0.0.1", port)).toBe("connected");
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((a) => a && !a.internal)
        .map((a) => a?.address as string);
      for (const address of [...others, "::1"]) {
        expect([address, await tryConnect(address, port)]).not.toEqual([address, "connected"]);
      }
    } finally {
      await fixed.stop();
    }
  });
});

describe("slots, timeouts and connections: a stalled backend cannot wedge the server", () => {
  /** A GET whose client gives up (destroys the socket) after `ms`. */
  const giveUpAfter = (url: string, token: string, ms: number) =>
    new Promise<void>((resolve) => {
      const req = request(url, { headers: { authorization: token }, agent: false });
      req.on("error", () => resolve());
      req.end();
      setTimeout(() => {
        req.destroy();
        resolve();
      }, ms);
    });

  /** A GET whose client gives up (destroys the socket) when `leave` settles. */
  const giveUpWhen = (url: string, token: string, leave: Promise<void>) =>
    new Promise<void>((resolve) => {
      const req = request(url, { headers: { authorization: token }, agent: false });
      req.on("error", () => resolve());
      req.end();
      void leave.then(() => {
        req.destroy();
        resolve();
      });
    });

  it("a client that goes away gives its slot back: a stalled STS call holds no slot once its clients leave (130 give-ups, as reported)", async () => {
    const hang = await startLoopbackProxy({ respond: () => "hang" });
    const small = await startServe(["--max-concurrent", "2"], {
      AIRFLOW_CONN_STUCK: stuckConn(hang.endpoint),
    });
    try {
      const token = small.token as string;
      const stuck = `${small.url}/credentials/stuck`;
      const healthz = async () => (await get(`${small.url}/healthz`, { authorization: token })).status;
      // The holders give up only once the stalled call is seen (and the slots checked), however long
      // the server takes to get there on a loaded machine.
      let leave = () => {};
      const left = new Promise<void>((r) => {
        leave = r;
      });
      const holders = [giveUpWhen(stuck, token, left), giveUpWhen(stuck, token, left)];
      while (hang.count() === 0) await new Promise((r) => setTimeout(r, 20));
      expect(await healthz()).toBe(503); // both slots held by the stalled call
      leave();
      await Promise.all(holders);
      expect(await waitFor(async () => (await healthz()) === 200, 2000)).toBe(true);
      for (let wave = 0; wave < 13; wave++) {
        await Promise.all(Array.from({ length: 10 }, () => giveUpAfter(stuck, token, 200)));
      }
      expect(await waitFor(async () => (await healthz()) === 200, 2000)).toBe(true);
    } finally {
      small.child.kill("SIGKILL");
      await hang.close();
    }
  });

  it("a request not answered within --request-timeout gets 504 and its slot back", async () => {
    const hang = await startLoopbackProxy({ respond: () => "hang" });
    const small = await startServe(["--max-concurrent", "2", "--request-timeout", "1"], {
      AIRFLOW_CONN_STUCK: stuckConn(hang.endpoint),
    });
    try {
      const token = { authorization: small.token as string };
      const started = performance.now();
      const answers = await Promise.all([
        get(`${small.url}/credentials/stuck`, token),
        get(`${small.url}/credentials/stuck`, token),
      ]);
      const ms = performance.now() - started;
      expect(answers.map((a) => [a.status, JSON.parse(a.body).code])).toEqual([
        [504, "TIMEOUT"],
        [504, "TIMEOUT"],
      ]);
      expect(answers[0]?.headers["retry-after"]).toBe("1");
      expect(ms).toBeGreaterThanOrEqual(950);
      expect(ms).toBeLessThan(1000 + 2000);
      expect((await get(`${small.url}/healthz`, token)).status).toBe(200);
    } finally {
      small.child.kill("SIGKILL");
      await hang.close();
    }
  });

  it("SIGTERM with requests stuck in progress: exit 0 within the 5 s grace plus 1 s", async () => {
    const hang = await startLoopbackProxy({ respond: () => "hang" });
    const busy = await startServe([], { AIRFLOW_CONN_STUCK: stuckConn(hang.endpoint) });
    try {
      const token = { authorization: busy.token as string };
      const stuck = [
        get(`${busy.url}/credentials/stuck`, token),
        get(`${busy.url}/credentials/stuck`, token),
      ];
      for (const p of stuck) p.catch(() => undefined);
      while (hang.count() === 0) await new Promise((r) => setTimeout(r, 20));
      const idle = await openSockets(portOf(busy), 5); // idle connections must not hold it either
      const started = performance.now();
      const code = await busy.stop();
      const ms = performance.now() - started;
      expect(code).toBe(0);
      expect(ms).toBeLessThan(5000 + 1000 + 1500);
      for (const s of idle) s.destroy();
    } finally {
      busy.child.kill("SIGKILL");
      await hang.close();
    }
  });

  it("--max-connections caps open connections: extra ones are closed at once, idle ones time out (10 s) and service resumes", async () => {
    const capped = await startServe(["--max-connections", "4"], { AIRFLOW_CONN_STATIC: staticConn });
    try {
      const token = { authorization: capped.token as string };
      const sockets = await openSockets(portOf(capped), 10);
      await new Promise((r) => setTimeout(r, 300));
      const open = sockets.filter((s) => !s.destroyed && !s.readableEnded);
      expect(open.length).toBe(4);
      // Idle connections that never send a request are closed by the headers timeout.
      const started = performance.now();
      const drained = await waitFor(async () => sockets.every((s) => s.destroyed || s.readableEnded), 15_000);
      expect(drained).toBe(true);
      expect(performance.now() - started).toBeLessThan(12_000);
      expect((await get(`${capped.url}/credentials/static`, token)).status).toBe(200);
      for (const s of sockets) s.destroy();
    } finally {
      await capped.stop();
    }
  });
});

describe("--token-file", () => {
  it("that cannot be written: exit 1 before listening, nothing on the port", async () => {
    const port = await freePort();
    const r = await runBin(
      ["serve", "--port", String(port), "--token-file", "/nonexistent-dir/awsconn/token"],
      {
        env: { AIRFLOW_CONN_STATIC: staticConn },
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write the token file "\/nonexistent-dir\/awsconn\/token" \(ENOENT\)/);
    expect(r.stderr).not.toMatch(/listening on/);
    expect(
      await new Promise((resolve) => {
        const s = connect({ host: "127.0.0.1", port }, () => resolve("connected"));
        s.on("error", (e: NodeJS.ErrnoException) => resolve(e.code));
      }),
    ).toBe("ECONNREFUSED");
  });

  it("a symlink at the path is replaced by the token file, never followed: its target (existing or not) is untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-token-link-"));
    const target = join(dir, "precious");
    writeFileSync(target, "keep me\n", { mode: 0o644 });
    const link = join(dir, "token");
    symlinkSync(target, link);
    const dangling = join(dir, "token2");
    const missing = join(dir, "would-be-created");
    symlinkSync(missing, dangling);
    for (const path of [link, dangling]) {
      const s = await startServe(["--token-file", path], { AIRFLOW_CONN_STATIC: staticConn });
      try {
        expect(lstatSync(path).isSymbolicLink()).toBe(false);
        expect(statSync(path).mode & 0o777).toBe(0o600);
        const token = readFileSync(path, "utf8");
        expect((await get(`${s.url}/healthz`, { authorization: token })).status).toBe(200);
      } finally {
        await s.stop();
      }
    }
    expect(readFileSync(target, "utf8")).toBe("keep me\n");
    expect(statSync(target).mode & 0o777).toBe(0o644);
    expect(() => statSync(missing)).toThrow(/ENOENT/);
  });
});

const portOf = (s: ServeProcess) => Number(new URL(s.url).port);

/** Opens `n` raw TCP connections to the server that send nothing. */
async function openSockets(port: number, n: number): Promise<Socket[]> {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Socket>((resolve) => {
          const socket = connect({ host: "127.0.0.1", port }, () => resolve(socket));
          socket.on("error", () => resolve(socket));
          socket.resume();
        }),
    ),
  );
}

/** Polls `check` every 100 ms until it is true or `ms` pass. */
async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
