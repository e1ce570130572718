import { CONFIG_CHECKS, type ConfigCheckName } from "./configChecks.js";
import { CONFIG_SHAPE } from "./configShape.generated.js";
import { type ShapeFailure, shapeProblem, type ShapeProblem } from "./shapeProblem.js";

// The quick path of parseConfig: the configuration checked against CONFIG_SHAPE, the JSON Schema
// generated from the zod schemas (configShape.generated.ts), by an interpreter of just the part of
// JSON Schema that file uses. It never reports a problem: whatever fails, whatever it does not know
// and every value at a node marked `"x-awsconn-check": "zod"` is left to zod (parseConfig then runs
// the full zod path, which explains every problem). So a valid configuration loads no zod.
//
// Semantics are zod's where JSON Schema leaves a choice: `anyOf` is zod's union (the first branch
// that matches wins), lengths count UTF-16 units, a `default` is checked like a given value, an
// object is any non-array object (a class instance too; its keys are those `for...in` and `in`
// see), and an optional key given as `undefined` is kept as `undefined`.

type ShapeNode = Readonly<Record<string, unknown>>;

/** The value does not match the node (in an `anyOf`, the next branch is tried). */
const FAIL = Symbol("fail");
/** Only zod can tell (an unknown keyword, a check left to zod). */
const ASK = Symbol("ask zod");
type Result = unknown;
type Path = readonly (string | number)[];

/** The deepest failure seen so far (in an `anyOf`, of the branch that got furthest). */
interface Trail {
  deepest?: { path: Path; failure: ShapeFailure };
}

function fail(trail: Trail, path: Path, failure: ShapeFailure): typeof FAIL {
  if (!trail.deepest || path.length > trail.deepest.path.length) trail.deepest = { path, failure };
  return FAIL;
}

const KEYWORDS = new Set([
  ...["$schema", "type", "properties", "required", "additionalProperties", "propertyNames", "items"],
  ...["enum", "const", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum"],
  ...["exclusiveMaximum", "pattern", "anyOf", "oneOf", "default", "x-awsconn-check"],
]);
/** Keywords a node with `anyOf`/`oneOf` may carry besides it. */
const BESIDE_UNION = new Set(["anyOf", "oneOf", "default", "x-awsconn-check", "$schema"]);

const patterns = new Map<string, RegExp>();

/**
 * The configuration validated and normalized as zod's `configSchema` would give it (defaults filled
 * in, new objects and arrays, sources, loggers and values of unknown type passed as they are), or
 * `undefined` when zod must look at it: it is invalid, or holds something only zod checks (none
 * today: a node the generator marks `"zod"`). Loads no zod.
 *
 * @example
 * ```ts
 * quickConfig({ sources: [{ type: "env" }] })?.cache.ttlSeconds; // 300
 * quickConfig({ sorces: [] });                                    // undefined: zod reports it
 * ```
 */
export function quickConfig(input: unknown): Record<string, unknown> | undefined {
  const out = normalized(CONFIG_SHAPE, input, [], {});
  return out === FAIL || out === ASK ? undefined : (out as Record<string, unknown>);
}

/**
 * The first problem of an invalid configuration as this interpreter sees it: the deepest place
 * where the configuration leaves the schema (`sources[0].ttlSeconds: expected a number >= 0,
 * got -1`), or `undefined` for a valid one. What parseConfig reports where zod, which explains
 * every problem, is not installed. Loads no zod.
 *
 * @example
 * ```ts
 * quickProblem({ sources: [{ type: "sm" }] }); // { path: ["sources", 0, "type"], message: 'expected one of env, file, ... got "sm" (did you mean "ssm"?)' }
 * ```
 */
export function quickProblem(input: unknown): ShapeProblem | undefined {
  const trail: Trail = {};
  const out = normalized(CONFIG_SHAPE, input, [], trail);
  if (out !== FAIL && out !== ASK) return undefined;
  if (out === ASK || !trail.deepest)
    return { path: [], text: "(top level)", message: "needs zod to be checked (npm install zod)" };
  return shapeProblem(trail.deepest.path, trail.deepest.failure);
}

/** An object as zod's `z.object` takes one: any non-array object, class instances included. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether `value` is of the JSON Schema type `type` (ASK for a type name it does not know). */
function typeMatch(type: unknown, value: unknown): boolean | typeof ASK {
  if (Array.isArray(type)) {
    const each = type.map((t) => typeMatch(t, value));
    return each.includes(ASK) ? ASK : each.includes(true);
  }
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "string":
    case "boolean":
      return typeof value === type;
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isInteger(value);
    case "null":
      return value === null;
    default:
      return ASK;
  }
}

function num(node: ShapeNode, key: string): number | undefined {
  const v = node[key];
  return typeof v === "number" ? v : undefined;
}

/** The checks on a string or a number (`minLength`... `pattern`, `minimum`...): true when they hold. */
function scalarHolds(node: ShapeNode, value: unknown): boolean {
  if (typeof value === "string") {
    const pattern = node.pattern;
    if (typeof pattern === "string") {
      const re = patterns.get(pattern) ?? new RegExp(pattern);
      patterns.set(pattern, re);
      if (!re.test(value)) return false;
    }
    return (
      value.length >= (num(node, "minLength") ?? 0) && value.length <= (num(node, "maxLength") ?? Infinity)
    );
  }
  if (typeof value !== "number") return true;
  const [min, max, xmin, xmax] = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"].map((k) =>
    num(node, k),
  );
  return !(
    (min !== undefined && value < min) ||
    (max !== undefined && value > max) ||
    (xmin !== undefined && value <= xmin) ||
    (xmax !== undefined && value >= xmax)
  );
}

function normalized(node: ShapeNode, given: unknown, path: Path, trail: Trail): Result {
  if (Object.keys(node).some((key) => !KEYWORDS.has(key))) return ASK;
  const value = given === undefined && "default" in node ? structuredClone(node.default) : given;
  const mark = node["x-awsconn-check"];
  const check =
    typeof mark === "string" && Object.hasOwn(CONFIG_CHECKS, mark) ? (mark as ConfigCheckName) : undefined;
  if (mark !== undefined && check === undefined) return ASK;
  const branches = node.anyOf ?? node.oneOf;
  if (branches !== undefined) {
    if (!Array.isArray(branches) || Object.keys(node).some((key) => !BESIDE_UNION.has(key))) return ASK;
    return union(branches as ShapeNode[], value, "oneOf" in node, path, trail);
  }
  if ("type" in node) {
    const matched = typeMatch(node.type, value);
    if (matched !== true) return matched === ASK ? ASK : fail(trail, path, { kind: "type", node, value });
  }
  if ("const" in node && value !== node.const) return fail(trail, path, { kind: "const", node, value });
  if ("enum" in node && !(Array.isArray(node.enum) && node.enum.includes(value)))
    return fail(trail, path, { kind: "enum", node, value });
  if (!scalarHolds(node, value)) return fail(trail, path, { kind: "bounds", node, value });
  if (check !== undefined && !(CONFIG_CHECKS[check] as (v: unknown) => boolean)(value))
    return fail(trail, path, { kind: "check", node, value, check });
  if ("items" in node) return Array.isArray(value) ? array(node.items as ShapeNode, value, path, trail) : ASK;
  if ("properties" in node || "additionalProperties" in node || "propertyNames" in node)
    return isObject(value) && node.type === "object" ? object(node, value, path, trail) : ASK;
  if (node.type === "object" || node.type === "array") return ASK;
  return value;
}

/**
 * zod's union: the first branch that matches (`oneOf`: exactly one may match). When none does, the
 * failure of the branch that got furthest is the union's (a source entry of a known `type` fails
 * inside that type's branch); when every branch failed at its `type`, the union names the types.
 */
function union(
  branches: readonly ShapeNode[],
  value: unknown,
  exactlyOne: boolean,
  path: Path,
  trail: Trail,
): Result {
  let found: Result = FAIL;
  const tried: Trail[] = [];
  for (const branch of branches) {
    const own: Trail = {};
    tried.push(own);
    const out = normalized(branch, value, path, own);
    if (out === ASK || (out !== FAIL && found !== FAIL)) return ASK;
    if (out !== FAIL) found = out;
    if (found !== FAIL && !exactlyOne) return found;
  }
  if (found !== FAIL) return found;
  const types = discriminatorValues(branches);
  if (types) {
    // A source entry of a known type fails as that type; one of no known type names the types.
    if (isObject(value)) {
      const own = tried[types.indexOf(value.type as string)]?.deepest;
      if (own) return fail(trail, own.path, own.failure);
      return fail(trail, [...path, "type"], { kind: "discriminator", value: value.type, types });
    }
  }
  // The failure of the branch the value means to be, as parseConfig picks an entry's schema: an
  // object branch whose required keys it has (`source`), else a union of types that has its type,
  // else any branch; of those, the one that got furthest.
  const claimedBy = (level: Claim) =>
    tried.filter((_, i) => claims(branches[i] as ShapeNode, value) === level);
  const claimed = claimedBy("keys").length > 0 ? claimedBy("keys") : claimedBy("type");
  const furthest = (claimed.length > 0 ? claimed : tried).reduce<Trail>(
    (best, t) =>
      t.deepest && (!best.deepest || t.deepest.path.length > best.deepest.path.length) ? t : best,
    {},
  );
  return furthest.deepest ? fail(trail, furthest.deepest.path, furthest.deepest.failure) : FAIL;
}

type Claim = "keys" | "type" | false;

/**
 * How `node` claims `value`: `"keys"` for an object node whose required keys it has, `"type"` for a
 * union of types that has its `type` (a union of other nodes: its branches' strongest claim).
 */
function claims(node: ShapeNode, value: unknown): Claim {
  const branches = (node.anyOf ?? node.oneOf) as ShapeNode[] | undefined;
  const types = branches && discriminatorValues(branches);
  if (types) return isObject(value) && types.includes(value.type as string) ? "type" : false;
  if (branches) {
    const each = branches.map((b) => claims(b, value));
    return each.includes("keys") ? "keys" : each.includes("type") ? "type" : false;
  }
  const required = (node.required ?? []) as string[];
  const has =
    node.type === "object" && required.length > 0 && isObject(value) && required.every((key) => key in value);
  return has ? "keys" : false;
}

/** The `type` constants of union branches that are all `{ type: const }` objects, else undefined. */
function discriminatorValues(branches: readonly ShapeNode[]): string[] | undefined {
  const types = branches.map((b) => (b.properties as Record<string, ShapeNode> | undefined)?.type?.const);
  return types.every((t): t is string => typeof t === "string") ? types : undefined;
}

function array(items: ShapeNode, value: readonly unknown[], path: Path, trail: Trail): Result {
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = normalized(items, value[i], [...path, i], trail);
    if (item === FAIL || item === ASK) return item;
    out.push(item);
  }
  return out;
}

function object(node: ShapeNode, value: Record<string, unknown>, path: Path, trail: Trail): Result {
  const properties = (node.properties ?? {}) as Record<string, ShapeNode>;
  const required = (node.required ?? []) as readonly string[];
  const rest = node.additionalProperties;
  // Unknown keys are zod's to strip or keep unless they are refused (false) or checked (records).
  if (rest === undefined || rest === true) return ASK;
  if (node.propertyNames !== undefined && JSON.stringify(node.propertyNames) !== '{"type":"string"}')
    return ASK;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(properties)) {
    const given = value[key];
    if (given === undefined && required.includes(key))
      return fail(trail, [...path, key], { kind: "type", node: schema, value: undefined });
    if (given === undefined && !("default" in schema)) {
      if (key in value) out[key] = undefined;
      continue;
    }
    const item = normalized(schema, given, [...path, key], trail);
    if (item === FAIL || item === ASK) return item;
    out[key] = item;
  }
  for (const key in value) {
    if (Object.hasOwn(properties, key)) continue;
    if (key === "__proto__") return ASK;
    if (rest === false)
      return fail(trail, [...path, key], { kind: "unknownKey", key, known: Object.keys(properties) });
    const item = normalized(rest as ShapeNode, value[key], [...path, key], trail);
    if (item === FAIL || item === ASK) return item;
    out[key] = item;
  }
  return out;
}
