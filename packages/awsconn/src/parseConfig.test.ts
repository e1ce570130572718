import type { AwsClientInit } from "@awsconn/aws-source-common";
import { ConfigError } from "@awsconn/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { memorySource } from "../test/helpers.js";
import { CACHE_DEFAULTS, type NormalizedConfig, parseConfig } from "./parseConfig.js";
import type { AwsSourceConfigBase, CacheConfig } from "./types.js";

function errorOf(input: unknown): ConfigError {
  try {
    parseConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("fills the defaults: [env], mode first, the Task SDK's connection parser, the cache defaults", () => {
    expect(parseConfig({})).toEqual({
      sources: [{ type: "env" }],
      mode: "first",
      connectionParser: "task",
      cache: CACHE_DEFAULTS,
    });
    expect(CACHE_DEFAULTS).toEqual({
      ttlSeconds: 300,
      negativeTtlSeconds: 5,
      staleWhileRevalidate: true,
      maxStaleSeconds: 3600,
      maxEntries: 1000,
    });
  });

  it("accepts every documented key", () => {
    const config = parseConfig({
      sources: [
        { type: "env", prefix: "MY_CONN_" },
        { type: "file", path: "./connections.yaml", onError: "skip" },
        {
          type: "secretsmanager",
          prefix: null,
          sep: ":",
          lookupPattern: "^aws_",
          extraConnWords: { login: ["usr"] },
          region: "eu-west-1",
          endpoint: "http://127.0.0.1:5000",
          profile: "dev",
          roleArn: "arn:aws:iam::123456789012:role/reader",
          connectTimeoutMs: 500,
          requestTimeoutMs: 2000,
          onError: "fail",
        },
        { type: "ssm", prefix: "/team/conns", lookupPattern: "db" },
        memorySource("custom"),
        { source: memorySource("other"), onError: "skip", live: true },
      ],
      mode: "merge",
      connectionParser: "server",
      cache: {
        ttlSeconds: 60,
        negativeTtlSeconds: 0,
        staleWhileRevalidate: false,
        maxStaleSeconds: 0,
        maxEntries: 10,
      },
    });
    expect(config.sources).toHaveLength(6);
    expect(config.cache.ttlSeconds).toBe(60);
    expect(config.connectionParser).toBe("server");
  });

  it.each<[string, unknown, string]>([
    [
      "unknown source type",
      { sources: [{ type: "env" }, { type: "file", path: "x.yaml" }, { type: "sm" }] },
      'sources[2].type: expected one of env, file, secretsmanager, ssm, plugin, got "sm"',
    ],
    [
      "missing source type",
      { sources: [{ path: "x" }] },
      "sources[0].type: expected one of env, file, secretsmanager, ssm, plugin, got nothing",
    ],
    [
      "source not an object",
      { sources: ["env"] },
      'sources[0]: expected a source object ({ type: ... }) or a ConnectionSource, got "env"',
    ],
    ["sources not a list", { sources: { type: "env" } }, "sources: expected array, got object"],
    ["file without path", { sources: [{ type: "file" }] }, "sources[0].path: expected string, got nothing"],
    ["empty file path", { sources: [{ type: "file", path: "" }] }, "sources[0].path: Too small"],
    ["unknown key in a source", { sources: [{ type: "ssm", sep: "/" }] }, 'sources[0]: unknown key "sep"'],
    [
      "bad onError",
      { sources: [{ type: "env", onError: "ignore" }] },
      'sources[0].onError: expected one of fail, skip, got "ignore"',
    ],
    [
      "bad onError on an instance",
      { sources: [{ source: memorySource("x"), onError: "maybe" }] },
      'sources[0].onError: expected one of fail, skip, got "maybe"',
    ],
    [
      "prefix of the wrong type",
      { sources: [{ type: "env", prefix: 3 }] },
      "sources[0].prefix: expected string, got number 3",
    ],
    [
      "bad lookupPattern",
      { sources: [{ type: "secretsmanager", lookupPattern: "(" }] },
      "sources[0].lookupPattern: is not a valid regular expression",
    ],
    ["bad endpoint", { sources: [{ type: "ssm", endpoint: "not a url" }] }, "sources[0].endpoint:"],
    ["bad roleArn", { sources: [{ type: "ssm", roleArn: "reader" }] }, "sources[0].roleArn:"],
    [
      "bad timeout",
      { sources: [{ type: "ssm", requestTimeoutMs: 0 }] },
      "sources[0].requestTimeoutMs: Too small",
    ],
    [
      "bad extraConnWords",
      { sources: [{ type: "secretsmanager", extraConnWords: { login: "usr" } }] },
      "sources[0].extraConnWords.login: expected array",
    ],
    ["bad mode", { mode: "last" }, 'mode: expected one of first, merge, got "last"'],
    [
      "bad connectionParser",
      { connectionParser: "worker" },
      'connectionParser: expected one of task, server, got "worker"',
    ],
    ["negative ttl", { cache: { ttlSeconds: -1 } }, "cache.ttlSeconds: Too small"],
    ["fractional maxEntries", { cache: { maxEntries: 1.5 } }, "cache.maxEntries: expected int"],
    ["zero maxEntries", { cache: { maxEntries: 0 } }, "cache.maxEntries: Too small"],
    [
      "string boolean",
      { cache: { staleWhileRevalidate: "yes" } },
      'cache.staleWhileRevalidate: expected boolean, got string "yes"',
    ],
    ["unknown cache key", { cache: { ttl: 5 } }, 'cache: unknown key "ttl"'],
    ["unknown top-level key", { source: [] }, 'unknown key "source"'],
    ["bad logger", { logger: 42 }, "logger: expected a function or an object with a warn() method"],
    ["bad clock", { clock: {} }, "clock: expected an object with a now() method"],
  ])("%s", (_name, input, message) => {
    const error = errorOf(input);
    expect(error.message).toContain(message);
    expect(error.code).toBe("INVALID_CONFIG");
  });

  it("puts the path on the error and names the origin", () => {
    try {
      parseConfig({ sources: [{ type: "sm" }] }, "/etc/awsconn.yaml");
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).path).toBe("sources[0].type");
      expect((e as ConfigError).message.startsWith("/etc/awsconn.yaml: sources[0].type:")).toBe(true);
    }
  });
});

describe("parseConfig reports every problem at once", () => {
  it("lists each problem with its path, and the nearest valid name for unknown keys and types", () => {
    const error = errorOf({
      sorces: [],
      mode: "merg",
      cache: { ttl: 5, maxEntries: 0 },
    });
    expect(error.problems.map((p) => `${p.path ?? ""}: ${p.message}`)).toEqual([
      'mode: expected one of first, merge, got "merg" (did you mean "merge"?)',
      expect.stringMatching(/^cache\.maxEntries: Too small/),
      'cache: unknown key "ttl" (did you mean "ttlSeconds"?)',
      ': unknown key "sorces" (did you mean "sources"?)',
    ]);
    expect(error.message).toMatch(/^4 problems in the configuration:\n {2}mode: /);
  });

  it("checks every source entry, also when the top level is wrong", () => {
    const error = errorOf({
      sources: [{ type: "secretmanager" }, { type: "file" }, { type: "ssm", prefixx: "/p" }, "env"],
      extra: 1,
    });
    expect(error.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'undefined: unknown key "extra"',
      expect.stringMatching(
        /^sources\[0\]\.type: expected one of env, file, secretsmanager, ssm.*, got "secretmanager" \(did you mean "secretsmanager"\?\)$/,
      ),
      "sources[1].path: expected string, got nothing",
      'sources[2]: unknown key "prefixx" (did you mean "prefix"?)',
      'sources[3]: expected a source object ({ type: ... }) or a ConnectionSource, got "env"',
    ]);
  });

  it("names the line of each problem when the file's lines are known", () => {
    const lines: Record<string, number> = { sorces: 1, "sources.0.type": 3, mode: 5 };
    try {
      parseConfig({ sorces: 1, sources: [{ type: "sm" }], mode: "x" }, "awsconn.yaml", {
        lineOf: (path) => lines[path.join(".")],
      });
      expect.unreachable();
    } catch (e) {
      const error = e as ConfigError;
      expect(error.message.split("\n").slice(1)).toEqual([
        '  awsconn.yaml:5: mode: expected one of first, merge, got "x"',
        '  awsconn.yaml:1: unknown key "sorces" (did you mean "sources"?)',
        expect.stringMatching(
          /^ {2}awsconn\.yaml:3: sources\[0\]\.type: expected one of .* \(did you mean "ssm"\?\)$/,
        ),
      ]);
      expect(error.line).toBe(5);
    }
  });

  it("refuses the code-only keys in a file, among the other problems", () => {
    const error = (() => {
      try {
        parseConfig({ logger: "x", mode: "last" }, "awsconn.yaml", { lineOf: () => undefined });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error("expected a ConfigError");
    })();
    expect(error.problems.map((p) => p.message)).toEqual([
      'unknown key "logger" (only allowed in code)',
      'expected one of first, merge, got "last"',
    ]);
  });

  it("accepts prefix: null for both AWS sources (Airflow: connections switched off)", () => {
    const config = parseConfig({
      sources: [
        { type: "ssm", prefix: null },
        { type: "secretsmanager", prefix: null },
      ],
    });
    expect(config.sources).toEqual([
      { type: "ssm", prefix: null },
      { type: "secretsmanager", prefix: null },
    ]);
  });

  it("derives the AWS source options from AwsClientInit (but maxAttempts, and clientSettings whose config form is clientExtra)", () => {
    type CodeOnly = "maxAttempts" | "clientSettings";
    expectTypeOf<Required<Omit<AwsClientInit, CodeOnly>>>().toMatchTypeOf<
      Required<Pick<AwsSourceConfigBase, Exclude<keyof AwsClientInit, CodeOnly>>>
    >();
    expectTypeOf<NormalizedConfig["cache"]>().toEqualTypeOf<Required<CacheConfig>>();
  });
});
