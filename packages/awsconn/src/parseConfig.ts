import { ConfigError } from "@awsconn/core";
import { CACHE_DEFAULTS } from "./cacheDefaults.js";
import type { z } from "zod";
import { isConnectionSource, isSourceWithOptions } from "./buildLayers.js";
import { configSchema, SOURCE_TYPES, sourceSchemas } from "./configSchema.js";
import type { Clock } from "./Clock.js";
import type { ResolverLogger } from "./ResolverEvent.js";
import type { CacheConfig, ResolverConfig, ResolveMode, SourceEntry } from "./types.js";

/**
 * A configuration with every default filled in.
 *
 * @example
 * ```ts
 * parseConfig({}).mode; // "first"
 * ```
 */
export interface NormalizedConfig {
  sources: SourceEntry[];
  mode: ResolveMode;
  cache: Required<CacheConfig>;
  logger?: ResolverLogger;
  clock?: Clock;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path)
    v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function issueError(
  issue: z.core.$ZodIssue,
  input: unknown,
  prefix: readonly PropertyKey[],
  origin?: string,
) {
  const path = [...prefix, ...issue.path];
  const got = valueAt(input, issue.path);
  let message: string;
  switch (issue.code) {
    case "invalid_value":
      message = `expected one of ${issue.values.map(String).join(", ")}, got ${shown(got)}`;
      break;
    case "invalid_type":
      message = `expected ${issue.expected}, got ${got === null ? "null" : Array.isArray(got) ? "array" : typeof got === "undefined" ? "nothing" : `${typeof got} ${shown(got)}`}`;
      break;
    case "unrecognized_keys":
      return new ConfigError(
        `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`,
        {
          ...(path.length ? { path: pathText(path) } : {}),
          ...(origin ? { origin } : {}),
        },
      );
    default:
      message = `${issue.message.replace(/^Invalid input: /, "")}, got ${shown(got)}`;
  }
  return new ConfigError(message, { path: pathText(path) || "(top level)", ...(origin ? { origin } : {}) });
}

function check<T>(schema: z.ZodType<T>, input: unknown, prefix: readonly PropertyKey[], origin?: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (!first) throw new ConfigError("invalid configuration", { ...(origin ? { origin } : {}) });
  throw issueError(first, input, prefix, origin);
}

function checkSource(entry: unknown, index: number, origin?: string): SourceEntry {
  if (isConnectionSource(entry)) return entry;
  const path = ["sources", index] as const;
  if (isSourceWithOptions(entry)) {
    const { source: _s, onError, live, ...rest } = entry as unknown as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length)
      throw new ConfigError(`unknown key "${extra[0]}"`, {
        path: pathText(path),
        ...(origin ? { origin } : {}),
      });
    if (onError !== undefined && onError !== "fail" && onError !== "skip")
      throw new ConfigError(`expected one of fail, skip, got ${shown(onError)}`, {
        path: `${pathText(path)}.onError`,
      });
    if (live !== undefined && typeof live !== "boolean")
      throw new ConfigError(`expected boolean, got ${shown(live)}`, { path: `${pathText(path)}.live` });
    return entry;
  }
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
    throw new ConfigError(
      `expected a source object ({ type: ... }) or a ConnectionSource, got ${shown(entry)}`,
      {
        path: pathText(path),
        ...(origin ? { origin } : {}),
      },
    );
  }
  const type = (entry as { type?: unknown }).type;
  if (typeof type !== "string" || !(SOURCE_TYPES as readonly string[]).includes(type)) {
    throw new ConfigError(`expected one of ${SOURCE_TYPES.join(", ")}, got ${shown(type)}`, {
      path: `${pathText(path)}.type`,
      ...(origin ? { origin } : {}),
    });
  }
  const schema = sourceSchemas[type as keyof typeof sourceSchemas] as z.ZodType<unknown>;
  return check(schema, entry, path, origin) as SourceEntry;
}

/**
 * Validates a configuration object and fills in the defaults. Every problem is a
 * `ConfigError` whose message names the key path and what was expected:
 * `sources[2].type: expected one of env, file, secretsmanager, ssm, got "sm"`.
 *
 * @example
 * ```ts
 * parseConfig({ sources: [{ type: "env" }], cache: { ttlSeconds: 60 } }).cache.maxEntries; // 1000
 * ```
 */
export function parseConfig(input: unknown, origin?: string): NormalizedConfig {
  const top = check(configSchema, input ?? {}, [], origin) as ResolverConfig & { sources?: unknown[] };
  const sources = (top.sources ?? [{ type: "env" }]).map((entry, i) => checkSource(entry, i, origin));
  if (
    top.logger !== undefined &&
    typeof top.logger !== "function" &&
    typeof (top.logger as { warn?: unknown })?.warn !== "function"
  )
    throw new ConfigError("expected a function or an object with a warn() method", { path: "logger" });
  if (top.clock !== undefined && typeof (top.clock as { now?: unknown })?.now !== "function")
    throw new ConfigError("expected an object with a now() method", { path: "clock" });
  const out: NormalizedConfig = {
    sources,
    mode: top.mode ?? "first",
    cache: { ...CACHE_DEFAULTS, ...stripUndefined(top.cache ?? {}) },
  };
  if (top.logger !== undefined) out.logger = top.logger;
  if (top.clock !== undefined) out.clock = top.clock;
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { CACHE_DEFAULTS };
