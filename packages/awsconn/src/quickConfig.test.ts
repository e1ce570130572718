import { ConfigError } from "@awsconn/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classSource, clock, configs, logFn, logger, source } from "../test/configArbitraries.js";
import { CACHE_DEFAULTS } from "./cacheDefaults.js";
import { configSchemas } from "./configSchema.js";
import { parseConfig } from "./parseConfig.js";
import { quickConfig, quickProblem } from "./quickConfig.js";

const cacheDefaults = { ...CACHE_DEFAULTS };

describe("quickConfig: a valid configuration without zod", () => {
  it("fills in the defaults as zod does, in new objects", () => {
    const a = quickConfig({});
    const b = quickConfig({});

    expect(a).toEqual({
      sources: [{ type: "env" }],
      mode: "first",
      connectionParser: "task",
      cache: cacheDefaults,
    });
    expect(a?.sources).not.toBe(b?.sources);
    expect(quickConfig({ cache: { ttlSeconds: 0 } })?.cache).toEqual({ ...cacheDefaults, ttlSeconds: 0 });
  });

  it("passes sources, loggers and clocks as they are", () => {
    const withOptions = { source: classSource, onError: "skip" as const, live: false };
    const out = quickConfig({ sources: [source, classSource, withOptions], logger: logFn, clock });

    expect(out?.sources).toEqual([source, classSource, withOptions]);
    const [s0, s1, s2] = (out?.sources ?? []) as unknown[];
    expect([s0, s1, (s2 as { source: unknown }).source]).toEqual([source, classSource, classSource]);
    expect(s0).toBe(source);
    expect(s1).toBe(classSource);
    expect(s2).not.toBe(withOptions);
    expect(out?.logger).toBe(logFn);
    expect(out?.clock).toBe(clock);
    expect(quickConfig({ logger })?.logger).toBe(logger);
  });

  it("takes a class instance where an object goes, as zod does (its enumerable keys, inherited ones too)", () => {
    class Cache {
      ttlSeconds = 7;
    }
    class Config {}
    const { configSchema } = configSchemas();
    for (const input of [new Config(), { cache: new Cache() }, { cache: Object.create({ maxEntries: 0 }) }])
      expect(quickConfig(input)).toStrictEqual(configSchema.safeParse(input).data);
    expect(quickConfig({ cache: new Cache() })?.cache).toEqual({ ...cacheDefaults, ttlSeconds: 7 });
    expect(quickProblem({ cache: Object.create({ maxEntries: 0 }) })?.text).toBe("cache.maxEntries");
  });

  it("checks lookup patterns with the schema's own check", () => {
    expect(quickConfig({ sources: [{ type: "ssm", lookupPattern: "^prod_" }] })).toBeDefined();
    expect(quickConfig({ sources: [{ type: "ssm", lookupPattern: "(" }] })).toBeUndefined();
  });

  it("checks an endpoint URL itself (the same check zod runs): a URL passes, anything else is zod's", () => {
    const ok = quickConfig({ sources: [{ type: "secretsmanager", endpoint: "http://localhost:4566" }] });
    expect(ok?.sources).toEqual([{ type: "secretsmanager", endpoint: "http://localhost:4566" }]);
    expect(quickConfig({ sources: [{ type: "ssm", endpoint: "not a url" }] })).toBeUndefined();
  });

  it("leaves everything invalid to zod", () => {
    for (const input of [
      { sources: [{ type: "ssm", endpoint: "127.0.0.1:4566" }] },
      { sorces: [] },
      { sources: [{ type: "sm" }] },
      { sources: [{ type: "file" }] },
      { sources: [{ type: "env", prefix: "" }] },
      { cache: { ttlSeconds: -1 } },
      { cache: { maxEntries: 0 } },
      { cache: { ttlSeconds: 1.5 } },
      { mode: "last" },
      { sources: [{ type: "plugin", module: "x", name: "bad name" }] },
      { logger: "x" },
      { clock: {} },
      "awsconn.yaml",
      [],
    ])
      expect(quickConfig(input), JSON.stringify(input)).toBeUndefined();
  });

  it("parseConfig still refuses a code-only key in a file, and reports problems with zod's messages", () => {
    const file = () =>
      parseConfig({ sources: [{ type: "env" }], clock }, "awsconn.yaml", { lineOf: () => 3 });

    expect(file).toThrow(ConfigError);
    expect(file).toThrow('awsconn.yaml:3: clock: unknown key "clock" (only allowed in code)');
    expect(() => parseConfig({ sources: [{ type: "ssm", region: "" }] })).toThrow("sources[0].region");
    expect(parseConfig({ sources: [{ type: "env" }], clock }).clock).toBe(clock);
  });
});

// Property: whenever the quick path answers, zod accepts with the same output; whenever zod rejects,
// the quick path leaves it to zod (configurations from test/configArbitraries.ts).
describe("quickConfig against zod (property)", () => {
  it("answers only what zod accepts, with zod's output; leaves every rejected configuration to zod", () => {
    const { configSchema } = configSchemas();
    let quick = 0;
    let rejected = 0;
    fc.assert(
      fc.property(configs, (input) => {
        const fast = quickConfig(input);
        const zod = configSchema.safeParse(input);
        if (!zod.success) {
          rejected++;
          expect(fast).toBeUndefined();
          return;
        }
        if (fast === undefined) return;
        quick++;
        expect(fast).toStrictEqual(zod.data);
        // Sources, loggers and clocks are the very objects given, as with zod.
        const given = (input as { sources?: unknown[] }).sources ?? [];
        for (const [i, entry] of (fast.sources as unknown[]).entries())
          if (typeof given[i] === "object" && given[i] !== null && !("type" in (given[i] as object)))
            expect(
              entry === given[i] ||
                (entry as { source?: unknown }).source === (given[i] as { source?: unknown }).source,
            ).toBe(true);
        for (const key of ["logger", "clock"] as const) expect(fast[key]).toBe(zod.data[key]);
      }),
      { numRuns: 6000 },
    );
    // Not vacuous: both outcomes are common.
    expect(quick).toBeGreaterThan(400);
    expect(rejected).toBeGreaterThan(400);
  });
});

describe("quickProblem: the first problem, where zod is not installed", () => {
  it("names, for every configuration zod rejects, a place zod names too (property)", () => {
    let compared = 0;
    fc.assert(
      fc.property(configs, (input) => {
        let zodPaths: string[];
        try {
          parseConfig(input);
          // Valid: no problem.
          expect(quickProblem(input ?? {})).toBeUndefined();
          return;
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          zodPaths = error.problems.map((p) => p.path ?? "");
        }
        const problem = quickProblem(input ?? {});
        expect(problem, JSON.stringify(input)).toBeDefined();
        compared++;
        // zod names an unknown key at its object, quickProblem at the key itself.
        const top = (p: string) => (p === "(top level)" ? "" : p);
        const text = top(problem?.text ?? "");
        const parent = text.replace(/(\.[^.[\]]+|^[^.[\]]+)$/, "");
        const named = zodPaths.map(top);
        expect(
          named.includes(text) || (/^unknown key/.test(problem?.message ?? "") && named.includes(parent)),
          `${JSON.stringify(input)}: quick ${problem?.text}: ${problem?.message}; zod ${zodPaths.join(", ")}`,
        ).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it("words it as parseConfig does", () => {
    expect(quickProblem({ sources: [{ type: "sm" }] })).toEqual({
      path: ["sources", 0, "type"],
      text: "sources[0].type",
      message: 'expected one of env, file, secretsmanager, ssm, plugin, got "sm" (did you mean "ssm"?)',
    });
    expect(quickProblem({ sources: [{ type: "ssm", endpoint: "127.0.0.1:4566" }] })?.message).toBe(
      'is not an absolute URL (like http://127.0.0.1:5000), got "127.0.0.1:4566"',
    );
    expect(quickProblem({ cache: { ttlSeconds: -1 } })).toMatchObject({
      text: "cache.ttlSeconds",
      message: "expected an integer >= 0, got number -1",
    });
    expect(quickProblem({ sources: [{ type: "env", bogus: 1 }] })?.message).toBe('unknown key "bogus"');
    expect(quickProblem({ sources: [{ type: "env" }] })).toBeUndefined();
  });
});

describe("a configuration problem quotes no credentials", () => {
  it("scrubs a password in an endpoint, with zod and without", () => {
    const input = { sources: [{ type: "ssm", endpoint: "postgres://user:hunter2@127.0.0.1:4566 x" }] };
    expect(() => parseConfig(input)).toThrow(/endpoint/);
    expect(() => parseConfig(input)).not.toThrow(/hunter2/);
    expect(quickProblem(input)?.message).toMatch(/user:\*\*\*@/);
  });
});
