import { z } from "zod";

const onError = z.enum(["fail", "skip"]).optional();
const seconds = z.number().int().nonnegative();
const timeoutMs = z.number().int().positive().optional();
const regexString = z
  .string()
  .refine(
    (s) => {
      try {
        new RegExp(s, "i");
        return true;
      } catch {
        return false;
      }
    },
    { message: "is not a valid regular expression" },
  )
  .optional();

const awsCommon = {
  onError,
  lookupPattern: regexString,
  region: z.string().min(1).optional(),
  endpoint: z.url().optional(),
  profile: z.string().min(1).optional(),
  roleArn: z.string().startsWith("arn:").optional(),
  connectTimeoutMs: timeoutMs,
  requestTimeoutMs: timeoutMs,
};

/** The source types a config file may name, in the order error messages list them. */
export const SOURCE_TYPES = ["env", "file", "secretsmanager", "ssm"] as const;

/** Schemas of each source config entry, by `type`. */
export const sourceSchemas = {
  env: z.strictObject({ type: z.literal("env"), onError, prefix: z.string().min(1).optional() }),
  file: z.strictObject({ type: z.literal("file"), onError, path: z.string().min(1) }),
  secretsmanager: z.strictObject({
    type: z.literal("secretsmanager"),
    ...awsCommon,
    prefix: z.string().nullable().optional(),
    sep: z.string().optional(),
    extraConnWords: z.record(z.string(), z.array(z.string())).optional(),
  }),
  ssm: z.strictObject({ type: z.literal("ssm"), ...awsCommon, prefix: z.string().optional() }),
} as const;

/** The cache section. */
export const cacheSchema = z.strictObject({
  ttlSeconds: seconds.optional(),
  negativeTtlSeconds: seconds.optional(),
  staleWhileRevalidate: z.boolean().optional(),
  maxStaleSeconds: seconds.optional(),
  maxEntries: z.number().int().positive().optional(),
});

/**
 * The top level of a configuration. `sources` entries are checked one by one with
 * {@link sourceSchemas} (they may also be ready `ConnectionSource` objects in code).
 */
export const configSchema = z.strictObject({
  sources: z.array(z.unknown()).optional(),
  mode: z.enum(["first", "merge"]).optional(),
  cache: cacheSchema.optional(),
  logger: z.unknown().optional(),
  clock: z.unknown().optional(),
  configFile: z.string().min(1).optional(),
});
