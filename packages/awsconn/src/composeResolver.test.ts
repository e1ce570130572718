import { ConfigError, type SourceHit } from "@awsconn/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { eventLog, fakeClock, memorySource, memoryVariables } from "../test/helpers.js";
import { composeResolver } from "./composeResolver.js";
import { fromEnv, fromEnvVariables } from "./env.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("composeResolver (awsconn/compose)", () => {
  it("runs createResolver's rules over ready sources: priority, a cached remote source, events", async () => {
    vi.stubEnv("AIRFLOW_CONN_ONLY_ENV", "postgres://env-host");
    const remote = memorySource("vault", { db: { connType: "postgres", host: "remote-host" } });
    const log = eventLog();
    const resolver = composeResolver({
      sources: [fromEnv(), remote],
      clock: fakeClock(),
      logger: log.logger,
    });
    expect((await resolver.get("only_env")).host).toBe("env-host");
    expect((await resolver.get("db")).host).toBe("remote-host");
    expect((await resolver.get("db")).host).toBe("remote-host");
    expect(remote.state.calls).toBe(1);
    expect((await resolver.resolve("db")).source).toBe("vault");
    expect(resolver.config.reason).toBe("code");
    expect(log.events.map((e) => e.type)).toContain("hit");
  });

  it("takes { source, onError, live } entries, mode and cache as createResolver does", async () => {
    const failing = memorySource("broken");
    failing.state.failWith = new Error("down");
    const lower = memorySource("lower", { db: { connType: "postgres", host: "lower-host" } });
    const resolver = composeResolver({
      sources: [
        { source: failing, onError: "skip" },
        { source: lower, live: true },
      ],
      cache: { ttlSeconds: 60 },
    });
    expect((await resolver.get("db")).host).toBe("lower-host");
    await resolver.get("db");
    expect(lower.state.calls).toBe(2);
  });

  it("serves Variables from a ready source that has getVariable", async () => {
    const { source } = memoryVariables("vars", { region: "eu-west-1" });
    const resolver = composeResolver({ sources: [source] });
    expect((await resolver.getVariable("region")).value).toBe("eu-west-1");
  });

  it("reads Variables from `variables` in priority order, with onError and live as for sources", async () => {
    vi.stubEnv("AIRFLOW_VAR_REGION", "from-env");
    const failing = memoryVariables("vault", {}, new Error("down"));
    const remote = memoryVariables("params", { region: "from-params", stage: "prod" });
    const resolver = composeResolver({
      sources: [fromEnv()],
      variables: [{ source: failing.source, onError: "skip" }, fromEnvVariables(), remote.source],
    });
    expect((await resolver.getVariable("region")).value).toBe("from-env");
    expect((await resolver.getVariable("stage")).value).toBe("prod");
    await resolver.getVariable("stage");
    expect(remote.state.calls).toBe(1);
  });

  it("refuses a `variables` entry that is no Variables source, naming it", () => {
    const sources = [fromEnv()];
    expect(() => composeResolver({ sources, variables: {} as never })).toThrow(/variables/);
    expect(() => composeResolver({ sources, variables: [fromEnvVariables(), {} as never] })).toThrow(
      /variables\[1\]: expected a Variables source/,
    );
    expect(() =>
      composeResolver({ sources, variables: [{ source: fromEnvVariables(), onError: "ignore" as never }] }),
    ).toThrow(/variables\[0\]\.onError/);
  });

  it("refuses a { type } entry with a ConfigError naming the entry and the ready source to pass", () => {
    const attempt = () => composeResolver({ sources: [fromEnv(), { type: "secretsmanager" } as never] });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      /sources\[1\].*createResolver.*fromSecretsManager\(\) from "awsconn\/secretsmanager"/,
    );
  });

  it("never prints what a refused entry or a bad variables entry holds (planted secrets)", () => {
    const planted = "wJalrXUtnFEMI-planted-compose-secret";
    const messages: string[] = [];
    for (const attempt of [
      () =>
        composeResolver({
          sources: [{ type: "secretsmanager", clientExtra: { aws_secret_access_key: planted } } as never],
        }),
      () => composeResolver({ sources: [fromEnv()], variables: [{ name: planted } as never] }),
      () =>
        composeResolver({
          sources: [fromEnv()],
          variables: [{ source: fromEnvVariables(), onError: planted as never }],
        }),
    ]) {
      const error = (() => {
        try {
          attempt();
        } catch (e) {
          return e as Error;
        }
        throw new Error("no error");
      })();
      expect(error).toBeInstanceOf(ConfigError);
      messages.push(`${error.message} ${String(error.stack)} ${JSON.stringify(error)}`);
    }
    for (const text of messages) expect(text).not.toContain(planted);
  });

  it("refuses a call without sources, and a bad cache setting, as ConfigErrors naming the key", () => {
    expect(() => composeResolver(undefined as never)).toThrow(ConfigError);
    expect(() => composeResolver({} as never)).toThrow(/sources/);
    expect(() => composeResolver({ sources: [fromEnv()], cache: { ttlSeconds: -1 } })).toThrow(
      /cache\.ttlSeconds/,
    );
  });

  it("takes the team from AWSCONN_TEAM when the configuration names none", () => {
    vi.stubEnv("AWSCONN_TEAM", "team_b");
    expect(composeResolver({ sources: [fromEnv()] }).config.team).toBe("team_b");
    expect(composeResolver({ sources: [fromEnv()], team: "team_a" }).config.team).toBe("team_a");
  });

  it("lets one id of a live source's getMany fail alone: the other ids keep that source's answer", async () => {
    const upper = memorySource("upper", { a: { connType: "postgres", host: "upper-a" } }, { batch: true });
    const batch = upper.getMany?.bind(upper) as NonNullable<typeof upper.getMany>;
    upper.getMany = async (ids, options) => {
      const found = await batch(ids, options);
      // as the AWS sources' BatchHits answer: reading the failed id throws that id's own error
      return new (class extends Map<string, SourceHit> {
        override get(id: string) {
          if (id === "b") throw new Error("b alone failed");
          return super.get(id);
        }
      })(found);
    };
    const lower = memorySource("lower", {
      a: { connType: "postgres", host: "lower-a" },
      b: { connType: "postgres", host: "lower-b" },
    });
    const resolver = composeResolver({
      sources: [
        { source: upper, onError: "skip", live: true },
        { source: lower, live: true },
      ],
    });
    const found = await resolver.getMany(["a", "b"]);
    expect(found.get("a")?.host).toBe("upper-a");
    expect(found.get("b")?.host).toBe("lower-b");
    expect(upper.state.batchCalls).toEqual([["a", "b"]]);
  });
});
