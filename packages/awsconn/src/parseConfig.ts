import { ConfigError, type ConfigProblem } from "@awsconn/core";
import type { z } from "zod";
import { isConnectionSource } from "./sourceEntryKinds.js";
import { CACHE_DEFAULTS } from "./cacheDefaults.js";
import { CODE_ONLY_KEYS, type ConfigSchemas, configSchemas, SOURCE_TYPES } from "./configSchema.js";
import { quickConfig, quickProblem } from "./quickConfig.js";
import { requireZod } from "./requireZod.js";
import type { NormalizedConfig, SourceEntry } from "./types.js";

export type { NormalizedConfig } from "./types.js";

import { type ConfigPath, didYouMean, kindOf, pathText, shown } from "./configText.js";

export type { ConfigPath } from "./configText.js";

/** Options of {@link parseConfig}. */
export interface ParseConfigOptions {
  /**
   * The 1-based line of a key path in the file the configuration was read from (see
   * `readConfigFile`): each problem then names its line.
   */
  lineOf?: (path: ConfigPath) => number | undefined;
  /**
   * The top-level keys that came from a file (when code overrides were merged into its content);
   * code-only keys among them are problems. Default: every key when `lineOf` is given, else none.
   */
  fileKeys?: readonly string[];
}

// The top level with `sources` left open: each entry is checked against the schema of its kind,
// so that a bad entry is reported by what it is meant to be, not as "no union member matched".
function topSchemaOf({ z, configSchema }: ConfigSchemas) {
  return configSchema.extend({ sources: z.array(z.unknown()).optional() });
}
let topSchema: ReturnType<typeof topSchemaOf> | undefined;

/**
 * Validates a configuration object and fills in the defaults. Every problem is found in one pass
 * and reported in one `ConfigError` (`problems` has them all; its message lists them, one
 * `file:line: path: message` per line), each naming the key path and what was expected; an
 * unknown key or source type also names the nearest valid one:
 * `sources[2].type: expected one of env, file, secretsmanager, ssm, got "sm" (did you mean "ssm"?)`.
 *
 * @example
 * ```ts
 * parseConfig({ sources: [{ type: "env" }], cache: { ttlSeconds: 60 } }).cache.maxEntries; // 1000
 * parseConfig({ sorces: [] }); // ConfigError: unknown key "sorces" (did you mean "sources"?)
 * ```
 */
export function parseConfig(
  input: unknown,
  origin?: string,
  options: ParseConfigOptions = {},
): NormalizedConfig {
  const raw = input ?? {};
  const fileKeys =
    options.fileKeys ?? (options.lineOf && typeof raw === "object" && raw !== null ? Object.keys(raw) : []);
  // A code-only key in a file is one problem (its value is not checked as well).
  const refused = CODE_ONLY_KEYS.filter((key) => fileKeys.includes(key));
  // A valid configuration is taken without zod; anything else is left to zod, which explains it.
  const quick = refused.length === 0 ? (quickConfig(raw) as ConfigOutput | undefined) : undefined;
  if (quick) return normalizedOf(quick, quick.sources);
  if (!requireZod()) throw withoutZod(raw, refused, origin, options.lineOf);
  const schemas = configSchemas();
  topSchema ??= topSchemaOf(schemas);
  const problems: ConfigProblem[] = [];
  const report = (issues: readonly z.core.$ZodIssue[], value: unknown, schema: z.ZodType, at: ConfigPath) => {
    for (const issue of issues) problems.push(...problemsOf(issue, value, schema, at, schemas.z));
  };
  for (const key of refused)
    problems.push({ path: key, message: `unknown key "${key}" (only allowed in code)` });
  const top = topSchema.safeParse(refused.length > 0 ? withoutKeys(raw, refused) : raw);
  if (!top.success) report(top.error.issues, raw, topSchema, []);
  // The entries are checked even when the top level has problems: every problem is reported at once.
  const entries = valueAt(raw, ["sources"]);
  const sources: SourceEntry[] = [];
  for (const [index, entry] of (Array.isArray(entries) ? entries : []).entries()) {
    const checked = checkEntry(entry, schemas);
    if (checked.success) sources.push(checked.data);
    else report(checked.error.issues, entry, checked.schema, ["sources", index]);
  }
  if (problems.length > 0 || !top.success) {
    const lineOf = options.lineOf;
    throw ConfigError.of(
      problems.map((p) => withLine(p, lineOf)),
      origin,
    );
  }
  const config = top.data;
  return normalizedOf(
    config,
    config.sources === undefined ? schemas.configSchema.shape.sources.parse(undefined) : sources,
  );
}

/**
 * The error for an invalid configuration where zod is not installed (an app bundle leaves it out):
 * the code-only keys a file names, and quickConfig's first problem, which says how to see them all.
 */
function withoutZod(
  raw: unknown,
  refused: readonly string[],
  origin: string | undefined,
  lineOf: ParseConfigOptions["lineOf"],
): ConfigError {
  const problems: ProblemAt[] = refused.map((key) => ({
    at: [key],
    path: key,
    message: `unknown key "${key}" (only allowed in code)`,
  }));
  const first = quickProblem(refused.length > 0 ? withoutKeys(raw, refused) : raw);
  if (first)
    problems.push({
      at: first.path,
      path: first.text,
      message: `${first.message} (the first problem found; with the zod package installed, every problem is named)`,
    });
  return ConfigError.of(
    problems.map((p) => withLine(p, lineOf)),
    origin,
  );
}

/** What `configSchema` gives for a valid configuration. */
type ConfigOutput = z.output<ConfigSchemas["configSchema"]>;

/** The parts of a checked configuration a resolver uses (not `configFile`: it was followed). */
function normalizedOf(
  config: Omit<ConfigOutput, "sources">,
  sources: readonly SourceEntry[],
): NormalizedConfig {
  const out: NormalizedConfig = {
    sources: [...sources],
    mode: config.mode,
    connectionParser: config.connectionParser,
    cache: config.cache,
  };
  if (config.team !== undefined) out.team = config.team;
  if (config.multiTeam !== undefined) out.multiTeam = config.multiTeam;
  if (config.logger !== undefined) out.logger = config.logger;
  if (config.clock !== undefined) out.clock = config.clock;
  return out;
}

export { CACHE_DEFAULTS };

// ---------------------------------------------------------------------------------------------

interface ProblemAt extends ConfigProblem {
  /** The key path as a list, for the line lookup. */
  at: ConfigPath;
}

function withLine(problem: ConfigProblem | ProblemAt, lineOf: ParseConfigOptions["lineOf"]): ConfigProblem {
  const at = "at" in problem ? problem.at : problem.path ? [problem.path] : [];
  const out: ConfigProblem = { message: problem.message };
  if (problem.path) out.path = problem.path;
  const line = lineOf?.(at);
  if (line !== undefined) out.line = line;
  return out;
}

/** The schema an entry is meant for (a ready source, a source with options, or a config object), and its check. */
function checkEntry(
  entry: unknown,
  { connectionSourceSchema, sourceWithOptionsSchema, sourceConfigSchema }: ConfigSchemas,
) {
  if (isConnectionSource(entry))
    return { ...connectionSourceSchema.safeParse(entry), schema: connectionSourceSchema };
  if (typeof entry === "object" && entry !== null && "source" in entry)
    return { ...sourceWithOptionsSchema.safeParse(entry), schema: sourceWithOptionsSchema };
  // A known type is checked against its own schema (so unknown keys get that schema's names).
  const type = typeof entry === "object" && entry !== null && "type" in entry ? entry.type : undefined;
  const schema = sourceConfigSchema.options.find((option) => option.shape.type.value === type);
  if (schema) return { ...schema.safeParse(entry), schema };
  return { ...sourceConfigSchema.safeParse(entry), schema: sourceConfigSchema };
}

function withoutKeys(value: unknown, keys: readonly string[]): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) v = v !== null && typeof v === "object" ? Reflect.get(v, p) : undefined;
  return v;
}

function unwrapped(schema: z.core.$ZodType, z: ConfigSchemas["z"]): z.core.$ZodType {
  let s = schema;
  while (
    s instanceof z.ZodOptional ||
    s instanceof z.ZodDefault ||
    s instanceof z.ZodPrefault ||
    s instanceof z.ZodNullable
  )
    s = s.unwrap();
  return s;
}

/** The keys an object schema accepts at `path` (for "did you mean"); none where it is no object. */
function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[], z: ConfigSchemas["z"]): string[] {
  let s = unwrapped(schema, z);
  for (const p of path) {
    if (!(s instanceof z.ZodObject) || typeof p !== "string") return [];
    const next: z.core.$ZodType | undefined = s.shape[p];
    if (!next) return [];
    s = unwrapped(next, z);
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** One zod issue as awsconn's problems (an issue naming several unknown keys is one problem per key). */
function problemsOf(
  issue: z.core.$ZodIssue,
  value: unknown,
  schema: z.ZodType,
  prefix: ConfigPath,
  z: ConfigSchemas["z"],
): ProblemAt[] {
  const issuePath = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const at = [...prefix, ...issuePath];
  const got = valueAt(value, issue.path);
  const problem = (message: string, path: ConfigPath = at): ProblemAt => ({
    at: path,
    path: pathText(path) || "(top level)",
    message,
  });
  switch (issue.code) {
    case "unrecognized_keys": {
      const valid = keysAt(schema, issue.path, z);
      return issue.keys.map((key) => ({
        ...problem(`unknown key "${key}"${didYouMean(key, valid)}`),
        at: [...at, key],
        ...(at.length ? {} : { path: "" }),
      }));
    }
    case "invalid_union":
      if (issue.discriminator === "type")
        return [
          problem(
            `expected one of ${SOURCE_TYPES.join(", ")}, got ${shown(got)}${didYouMean(got, SOURCE_TYPES)}`,
          ),
        ];
      return [problem(`${issue.message}, got ${shown(got)}`)];
    case "invalid_value": {
      const options = issue.values.map(String);
      return [problem(`expected one of ${options.join(", ")}, got ${shown(got)}${didYouMean(got, options)}`)];
    }
    case "invalid_type":
      if (prefix.length === 2 && prefix[0] === "sources" && issue.path.length === 0)
        return [problem(`expected a source object ({ type: ... }) or a ConnectionSource, got ${shown(got)}`)];
      return [problem(`expected ${issue.expected}, got ${kindOf(got)}`)];
    default:
      return [problem(`${issue.message.replace(/^Invalid input: /, "")}, got ${shown(got)}`)];
  }
}
