import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { memorySource } from "../test/helpers.js";
import { CACHE_DEFAULTS, parseConfig } from "./parseConfig.js";

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
  it("fills the defaults: [env], mode first, the cache defaults", () => {
    expect(parseConfig({})).toEqual({ sources: [{ type: "env" }], mode: "first", cache: CACHE_DEFAULTS });
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
  });

  it.each<[string, unknown, string]>([
    [
      "unknown source type",
      { sources: [{ type: "env" }, { type: "file", path: "x.yaml" }, { type: "sm" }] },
      'sources[2].type: expected one of env, file, secretsmanager, ssm, got "sm"',
    ],
    [
      "missing source type",
      { sources: [{ path: "x" }] },
      "sources[0].type: expected one of env, file, secretsmanager, ssm, got nothing",
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
