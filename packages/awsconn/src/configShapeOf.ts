import { isDeepStrictEqual } from "node:util";
import type * as Zod from "zod";
import { CONFIG_CHECKS } from "./configChecks.js";
import { configSchemas } from "./configSchema.js";

// What the generated configShape.generated.ts holds (scripts/gen-config-shape.mjs writes it,
// configShape.test.ts checks it is current): the JSON Schema zod derives from configSchema, each
// node that JSON Schema cannot say faithfully marked with `x-awsconn-check` (a check of
// CONFIG_CHECKS by name, else "zod"). Not part of the package's runtime (nothing imports it there).

/** The marker key on a node of the generated shape. */
export const CHECK_KEY = "x-awsconn-check";

/** zod node types whose JSON Schema says all that zod checks (their checks are looked at below). */
const FAITHFUL_TYPES = new Set([
  "object",
  "string",
  "number",
  "boolean",
  "null",
  "literal",
  "enum",
  "array",
  "record",
  "union",
  "optional",
  "nullable",
  "default",
  "prefault",
  "unknown",
  "any",
]);

/** Checks whose JSON Schema keyword means exactly what zod tests (`safeint`: integer and the bounds). */
const FAITHFUL_CHECKS = new Set(["min_length", "max_length", "length_equals", "greater_than", "less_than"]);

/** String formats zod writes as a `pattern` (plus a `format` label, dropped here). */
const PATTERN_FORMATS = new Set(["starts_with", "ends_with", "includes"]);

type CheckDef = { check?: string; format?: string; fn?: unknown; pattern?: RegExp };
type NodeDef = CheckDef & {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  values?: unknown[];
  defaultValue?: unknown;
  innerType?: Zod.ZodType;
  keyType?: { _zod: { def: NodeDef } };
};

/** The name of a CONFIG_CHECKS function, else "zod" (a check quickConfig leaves to zod). */
function checkName(fn: unknown): string {
  const named = Object.entries(CONFIG_CHECKS).find(([, check]) => check === fn);
  return named ? named[0] : "zod";
}

/** The markers one zod node needs ("zod" for what JSON Schema cannot say, else a named check). */
function marksOf(def: NodeDef, json: Record<string, unknown>): string[] {
  if (!FAITHFUL_TYPES.has(def.type)) return [def.type === "custom" ? checkName(def.fn) : "zod"];
  const marks: string[] = [];
  // A string type that is itself a format (z.url(), z.email()...) checks more than `format` says.
  if (def.check === "string_format") marks.push("zod");
  for (const { _zod } of def.checks ?? []) {
    const c = _zod.def;
    if (c.check === "custom") marks.push(checkName(c.fn));
    else if (c.check === "number_format") marks.push(c.format === "safeint" ? "" : "zod");
    else if (c.check === "string_format" && c.format === "regex") marks.push(c.pattern?.flags ? "zod" : "");
    else if (c.check === "string_format" && c.format && PATTERN_FORMATS.has(c.format)) delete json.format;
    else if (!FAITHFUL_CHECKS.has(c.check ?? "")) marks.push("zod");
  }
  if (def.type === "literal" && !def.values?.every((v) => v === null || typeof v !== "object"))
    marks.push("zod");
  if (def.type === "literal" && def.values?.some((v) => typeof v === "bigint" || v === undefined))
    marks.push("zod");
  if (
    def.type === "record" &&
    (def.keyType?._zod.def.type !== "string" || def.keyType._zod.def.checks?.length)
  )
    marks.push("zod");
  // quickConfig checks a default as it checks a given value; zod takes it as it is: the same only
  // when checking it changes nothing.
  if (def.type === "default") {
    const checked = def.innerType?.safeParse(def.defaultValue);
    if (!checked?.success || !isDeepStrictEqual(checked.data, def.defaultValue)) marks.push("zod");
  }
  return marks.filter(Boolean);
}

/**
 * The configuration's JSON Schema (input side), derived from `configSchema` by zod, with every node
 * JSON Schema cannot express faithfully marked `x-awsconn-check`: the name of a {@link CONFIG_CHECKS}
 * function, or `"zod"`. What configShape.generated.ts must hold.
 *
 * @example
 * ```ts
 * configShapeOf().properties.mode; // { default: "first", type: "string", enum: ["first", "merge"] }
 * ```
 */
export function configShapeOf(): Record<string, unknown> & { properties: Record<string, unknown> } {
  const { z, configSchema } = configSchemas();
  return z.toJSONSchema(configSchema, {
    io: "input",
    unrepresentable: "any",
    override({ zodSchema, jsonSchema }) {
      const json = jsonSchema as Record<string, unknown>;
      const marks = marksOf((zodSchema as unknown as { _zod: { def: NodeDef } })._zod.def, json);
      const all = new Set([...(json[CHECK_KEY] ? [String(json[CHECK_KEY])] : []), ...marks]);
      if (all.size > 0) json[CHECK_KEY] = all.size === 1 ? [...all][0] : "zod";
    },
  }) as Record<string, unknown> & { properties: Record<string, unknown> };
}
