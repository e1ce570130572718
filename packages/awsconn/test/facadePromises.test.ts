// The facade's promises (README "How a connection is resolved", DESIGN §4), against moto through a
// counting proxy and the real env and file sources: live env/file over cached remote hits in both
// modes, one backend call per source for any mix of entry points, onError skip, and abort before and
// during a lookup (stale on error and its bound: moto.test.ts).
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { awsJsonError, type LoopbackProxy, startLoopbackProxy } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createResolver } from "../src/index.js";
import { deferred, eventLog, fakeClock } from "./helpers.js";

let proxy: LoopbackProxy;
let failing = false;
let gate: Promise<void> | undefined;
const prefix = uniquePrefix("promises");
const dir = mkdtempSync(join(tmpdir(), "awsconn-promises-"));

beforeAll(async () => {
  proxy = await startLoopbackProxy({
    target: motoEndpoint(),
    respond: async () => {
      if (gate) await gate;
      return failing ? awsJsonError(400, "ThrottlingException", "Rate exceeded") : undefined;
    },
  });
  const sm = new SecretsManagerClient(awsTestClientConfig());
  for (const id of ["db", "a", "b"]) {
    await sm.send(
      new CreateSecretCommand({
        Name: `${prefix}/${id}`,
        SecretString: JSON.stringify({
          conn_type: "postgres",
          host: `${id}.sm.internal`,
          login: "sm-user",
          password: "sm-password",
          extra: { sslmode: "require" },
        }),
      }),
    );
  }
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  failing = false;
  gate = undefined;
  proxy.reset();
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  vi.stubEnv("AWS_PROFILE", undefined);
  vi.stubEnv("AIRFLOW_CONN_DB", undefined);
});

const sm = (extra: Record<string, unknown> = {}) => ({
  type: "secretsmanager" as const,
  prefix,
  region: "us-east-1",
  endpoint: proxy.endpoint,
  ...extra,
});

/** Replaces the file atomically (the supported way to edit a connections file). */
function writeConnections(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

describe("env and file stay live after a remote hit was cached", () => {
  it("first mode: an AIRFLOW_CONN_* set after a cached Secrets Manager hit wins at once, and losing it falls back to the cache", async () => {
    const resolver = createResolver({ sources: [{ type: "env" }, sm()], clock: fakeClock() });
    expect((await resolver.get("db")).host).toBe("db.sm.internal");

    vi.stubEnv("AIRFLOW_CONN_DB", "postgres://env-user:env-pw@db.env.internal/app");
    expect((await resolver.get("db")).host).toBe("db.env.internal");

    vi.stubEnv("AIRFLOW_CONN_DB", undefined);
    expect((await resolver.get("db")).host).toBe("db.sm.internal");
    expect(proxy.count("GetSecretValue")).toBe(1);
  });

  it("merge mode: changing or deleting the env layer changes the merged result at once", async () => {
    const resolver = createResolver({ sources: [{ type: "env" }, sm()], mode: "merge", clock: fakeClock() });
    vi.stubEnv("AIRFLOW_CONN_DB", "postgres://@db.one.internal?sslmode=disable");
    const one = await resolver.resolve("db");
    expect(one.connection).toMatchObject({
      host: "db.one.internal",
      login: "sm-user",
      extra: { sslmode: "disable" },
    });
    expect(one.fields).toMatchObject({ host: "env", login: "secretsmanager", "extra.sslmode": "env" });
    expect(one.merged?.map((m) => m.source)).toEqual(["env", "secretsmanager"]);

    vi.stubEnv("AIRFLOW_CONN_DB", "postgres://@db.two.internal");
    expect((await resolver.get("db")).host).toBe("db.two.internal");

    vi.stubEnv("AIRFLOW_CONN_DB", undefined);
    const three = await resolver.resolve("db");
    expect(three.connection).toMatchObject({ host: "db.sm.internal", extra: { sslmode: "require" } });
    expect(three.merged).toHaveLength(1);
    expect(proxy.count("GetSecretValue")).toBe(1);
  });

  it.each(["first", "merge"] as const)(
    "%s mode: a connections file edited after a cached remote hit is seen by the next lookup",
    async (mode) => {
      const path = join(dir, `conns-${mode}.yaml`);
      writeConnections(path, "other: http://unrelated\n");
      const resolver = createResolver({
        sources: [{ type: "file", path }, sm()],
        mode,
        clock: fakeClock(),
      });
      expect((await resolver.get("db")).host).toBe("db.sm.internal");

      writeConnections(path, "db:\n  conn_type: postgres\n  host: db.file.internal\n");
      expect((await resolver.get("db")).host).toBe("db.file.internal");

      writeConnections(path, "other: http://unrelated\n");
      expect((await resolver.get("db")).host).toBe("db.sm.internal");
      expect(proxy.count("GetSecretValue")).toBe(1);
    },
  );
});

describe("one backend call per source, whatever mix of entry points asks", () => {
  it("get + resolve + explain + getMany + preload of one uncached id: one GetSecretValue or one batch", async () => {
    const hold = deferred();
    gate = hold.promise;
    const resolver = createResolver({ sources: [{ type: "env" }, sm()], clock: fakeClock() });

    const all = Promise.all([
      resolver.get("db"),
      resolver.resolve("db"),
      resolver.explain("db"),
      resolver.getMany(["db"]),
      resolver.preload(["db"]),
    ]);
    await new Promise((r) => setTimeout(r, 50));
    hold.resolve();
    const [conn, result, explanation, many, preload] = await all;

    expect(proxy.count()).toBe(1);
    expect(conn).toBe(result.connection);
    expect(explanation.winner?.source).toBe("secretsmanager");
    expect(many.get("db")).toBe(conn);
    expect(preload).toEqual({ found: ["db"], notFound: [] });
  });

  it('two getMany(["a","b"]) and one get("a"): one batch call', async () => {
    const hold = deferred();
    gate = hold.promise;
    const resolver = createResolver({ sources: [sm()], clock: fakeClock() });

    const all = Promise.all([resolver.getMany(["a", "b"]), resolver.getMany(["a", "b"]), resolver.get("a")]);
    await new Promise((r) => setTimeout(r, 50));
    hold.resolve();
    const [m1, m2, a] = await all;

    expect(proxy.count()).toBe(1);
    expect(proxy.count("BatchGetSecretValue")).toBe(1);
    expect(m1.get("a")).toBe(a);
    expect(m2.get("b")?.host).toBe("b.sm.internal");
  });
});

describe("failures", () => {
  it('onError: "skip" passes a failing Secrets Manager over to the next source', async () => {
    failing = true;
    const path = join(dir, "fallback.yaml");
    writeConnections(path, "db: postgres://file-user@db.file.internal/app\n");
    const log = eventLog();
    const resolver = createResolver({
      sources: [sm({ onError: "skip" }), { type: "file", path }],
      clock: fakeClock(),
      logger: log.logger,
    });

    const result = await resolver.resolve("db");

    expect(result.source).toBe("file");
    expect(log.types()).toContain("error");
  });
});

describe("abort", () => {
  it("an aborted signal rejects before any source is asked", async () => {
    const resolver = createResolver({ sources: [sm()], clock: fakeClock() });
    const controller = new AbortController();
    controller.abort(new Error("caller gave up"));

    await expect(resolver.get("db", { signal: controller.signal })).rejects.toThrow("caller gave up");
    await expect(resolver.explain("db", { signal: controller.signal })).rejects.toThrow("caller gave up");
    expect(proxy.count()).toBe(0);
  });

  it("aborting during a lookup rejects that caller at once; a caller sharing the flight still gets the value", async () => {
    const hold = deferred();
    gate = hold.promise;
    const resolver = createResolver({ sources: [sm()], clock: fakeClock() });
    const controller = new AbortController();

    const aborted = resolver.get("db", { signal: controller.signal });
    const patient = resolver.get("db");
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error("timeout in caller"));
    await expect(aborted).rejects.toThrow("timeout in caller");
    hold.resolve();

    expect((await patient).host).toBe("db.sm.internal");
    expect(proxy.count()).toBe(1);
  });

  it("when the only caller aborts, the backend call is aborted too and nothing is cached", async () => {
    const hold = deferred();
    gate = hold.promise;
    const resolver = createResolver({ sources: [sm()], clock: fakeClock() });
    const controller = new AbortController();

    const aborted = resolver.get("db", { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error("gone"));
    await expect(aborted).rejects.toThrow("gone");
    hold.resolve();
    gate = undefined;

    expect((await resolver.get("db")).host).toBe("db.sm.internal");
    expect(proxy.count()).toBe(2);
  });
});
