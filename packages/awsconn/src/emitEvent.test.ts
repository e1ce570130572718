import { inspect } from "node:util";
import { SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { eventLog, fakeClock, flush, memorySource } from "../test/helpers.js";
import { createResolver } from "./createResolver.js";
import type { ResolverEvent } from "./ResolverEvent.js";

const SECRETS = ["hunter2-PLANTED", "wJalrXUtnFEMI-PLANTED", "FwoGZXIvYXdzE-PLANTED", "pk-PLANTED"];

function plantedSources() {
  const sm = memorySource("secretsmanager", {
    aws_default: {
      connType: "aws",
      login: "AKIAEXAMPLE",
      password: SECRETS[1],
      extra: { aws_session_token: SECRETS[2], region_name: "eu-west-1", nested: { private_key: SECRETS[3] } },
    },
    db: { connType: "postgres", host: "db.example", login: "app", password: SECRETS[0] },
  });
  return { sm, env: memorySource("env", {}) };
}

describe("events", () => {
  it("hit, miss, refresh, stale and error events are emitted, and none carries a secret", async () => {
    const clock = fakeClock();
    const { sm, env } = plantedSources();
    const log = eventLog();
    const resolver = createResolver({
      sources: [env, sm],
      clock,
      logger: log.logger,
      cache: { ttlSeconds: 10 },
    });

    await resolver.get("aws_default");
    await resolver.get("db");
    await resolver.get("missing").catch(() => {});
    clock.advance(11);
    await resolver.get("db");
    await flush();
    sm.state.failWith = new TypeError(`boom ${SECRETS[0]}`);
    clock.advance(11);
    await resolver.get("aws_default");
    await flush();
    await resolver.explain("db");
    await resolver.preload(["aws_default", "db", "missing"]).catch(() => {});

    expect(new Set(log.types())).toEqual(new Set(["hit", "miss", "refresh", "stale", "error"]));
    const printed = JSON.stringify(log.events) + inspect(log.events, { depth: 10 });
    for (const secret of SECRETS) expect(printed).not.toContain(secret);
  });

  it("console-like loggers get one line per event: warn for stale and error, debug (or info) for the rest", async () => {
    const lines: [string, string][] = [];
    const logger = {
      warn: (m: string) => lines.push(["warn", m]),
      info: (m: string) => lines.push(["info", m]),
    };
    const sm = memorySource("secretsmanager", { db: {} });
    const resolver = createResolver({
      sources: [{ source: sm, onError: "skip" }],
      clock: fakeClock(),
      logger,
    });
    await resolver.get("db");
    sm.state.failWith = new SourceError("throttled", { source: "secretsmanager" });
    resolver.clear();
    await resolver.get("db").catch(() => {});

    expect(lines.map(([level]) => level)).toEqual(["info", "warn", "info"]);
    expect(lines[0]?.[1]).toContain("db found in secretsmanager");
    expect(lines[1]?.[1]).toContain("(skipped)");
  });

  it("a throwing logger never breaks a lookup", async () => {
    const resolver = createResolver({
      sources: [memorySource("secretsmanager", { db: { host: "h" } })],
      clock: fakeClock(),
      logger: (_e: ResolverEvent) => {
        throw new Error("logger down");
      },
    });
    expect((await resolver.get("db")).host).toBe("h");
  });
});
