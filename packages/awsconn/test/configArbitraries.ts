// Configurations for quickConfig.test.ts, generated from CONFIG_SHAPE itself: valid ones, and ones
// changed at any node (wrong types, unknown and misspelt keys, missing required keys, nulls, extra
// nesting, values just out of range, every source type, ConnectionSource objects and functions).
import fc from "fast-check";
import { CONFIG_SHAPE } from "../src/configShape.generated.js";

type Node = Record<string, unknown>;

/** A plain-object ConnectionSource (passed by identity). */
export const source = { name: "mine", get: async () => undefined };
/** A ConnectionSource whose `name` and `get` are on the prototype. */
export class ClassSource {
  get name() {
    return "class";
  }
  async get() {
    return undefined;
  }
}
/** An instance of {@link ClassSource}. */
export const classSource = new ClassSource();
/** A logger function, a console-like logger, a clock. */
export const logFn = () => {};
export const logger = { warn: () => {} };
export const clock = { now: () => 0 };

const scalars = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom("", "env", "ssm", "arn:x", "(", "http://localhost:4566", "a b"),
  fc.integer({ min: -3, max: 5000 }),
  fc.constantFrom(0, -0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
  fc.boolean(),
  fc.constantFrom(null, undefined, source, classSource, logFn, logger, clock),
);
const anything: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalars,
    fc.array(tie("value"), { maxLength: 2 }),
    fc.dictionary(fc.constantFrom("type", "x", "source", "sources", "path"), tie("value"), { maxKeys: 2 }),
  ),
})).value;

/** A misspelling of a key: one letter dropped, doubled or upper-cased. */
const typoOf = (key: string) =>
  fc
    .nat({ max: Math.max(0, key.length - 1) })
    .chain((i) =>
      fc.constantFrom(
        key.slice(0, i) + key.slice(i + 1),
        key.slice(0, i) + key[i] + key.slice(i),
        key.slice(0, i) + key[i]?.toUpperCase() + key.slice(i + 1),
      ),
    );

/** What a marked node gets: values its check accepts, then some it refuses. */
const checked: Record<string, [unknown[], unknown[]]> = {
  connectionSource: [
    [source, classSource],
    [{ name: 1, get: () => {} }, { name: "x" }],
  ],
  logger: [
    [logFn, logger],
    [{}, "warn"],
  ],
  clock: [
    [clock, performance],
    [{}, 0],
  ],
  regex: [
    ["^prod_", "", "a|b"],
    ["(", "[a-"],
  ],
  zod: [
    ["http://localhost:4566", "https://vpce.example"],
    ["not a url", ""],
  ],
};

/**
 * Values for a node of the shape. `noisy`: now and then anything at all instead, misspelt and
 * extra keys, values out of range; else (mostly) what the node describes.
 */
function arbitraryOf(node: Node, noisy: boolean): fc.Arbitrary<unknown> {
  const fitting = fittingOf(node, noisy);
  return noisy ? fc.oneof({ weight: 12, arbitrary: fitting }, { weight: 1, arbitrary: anything }) : fitting;
}

function fittingOf(node: Node, noisy: boolean): fc.Arbitrary<unknown> {
  // Mostly values the node accepts, now and then one just outside (noisy: as often as not).
  const pick = (good: unknown[], bad: unknown[]) =>
    bad.length === 0
      ? fc.constantFrom(...good)
      : fc.oneof({ weight: noisy ? 1 : 8, arbitrary: fc.constantFrom(...good) }, fc.constantFrom(...bad));
  const mark = node["x-awsconn-check"];
  const branches = (node.anyOf ?? node.oneOf) as Node[] | undefined;
  if (typeof mark === "string") return pick(...(checked[mark] ?? [[undefined], []]));
  if (branches) return fc.oneof(...branches.map((b) => arbitraryOf(b, noisy)));
  if ("const" in node) return fc.constant(node.const);
  if (Array.isArray(node.enum)) return pick(node.enum, [`${node.enum[0]}x`, node.enum[0]?.toUpperCase()]);
  const min = typeof node.minLength === "number" ? node.minLength : 0;
  switch (node.type) {
    case "string":
      if (typeof node.pattern === "string")
        return pick(
          new RegExp(node.pattern).test("arn:aws:iam::1:role/r")
            ? ["arn:aws:iam::1:role/r"]
            : ["my.source:1", "vault"],
          ["ARN:x", "bad name", ""],
        );
      return noisy
        ? fc.oneof(fc.string({ maxLength: 5 }), fc.constant(""))
        : fc.string({ minLength: min, maxLength: 5 });
    case "integer": {
      const low = typeof node.exclusiveMinimum === "number" ? node.exclusiveMinimum + 1 : 0;
      return fc.oneof(
        fc.integer({ min: low, max: 100_000 }),
        pick([low], [low - 1, -1, 0.5, 2 ** 53, Number.NaN]),
      );
    }
    case "boolean":
      return noisy ? fc.oneof(fc.boolean(), fc.constant("true")) : fc.boolean();
    case "array":
      return fc.array(arbitraryOf(node.items as Node, noisy), { maxLength: 3 });
    case "object":
      return node.properties
        ? objectOf(node, noisy)
        : fc.dictionary(fc.string({ maxLength: 3 }), arbitraryOf(node.additionalProperties as Node, noisy), {
            maxKeys: 2,
          });
    default:
      return anything;
  }
}

function objectOf(node: Node, noisy: boolean): fc.Arbitrary<unknown> {
  const properties = node.properties as Record<string, Node>;
  const required = (node.required ?? []) as string[];
  const entries = Object.entries(properties).map(([key, property]) => {
    const value = arbitraryOf(property, noisy);
    const given = value.map((v) => [key, v]);
    if (required.includes(key) && !noisy) return given;
    return fc.oneof(
      // A value only zod checks makes the whole configuration zod's: seldom given.
      {
        weight: required.includes(key) ? 12 : property["x-awsconn-check"] === "zod" ? 1 : 4,
        arbitrary: given,
      },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constant([key, undefined]) },
      { weight: noisy ? 1 : 0, arbitrary: fc.tuple(typoOf(key), value) },
    );
  });
  const extra = noisy
    ? fc.option(fc.tuple(fc.constantFrom("extra", "source", "sources", "type"), anything), { freq: 8 })
    : fc.constant(null);
  return fc
    .tuple(fc.tuple(...entries), extra)
    .map(([pairs, more]) =>
      Object.fromEntries(
        [...pairs, ...(more ? [more] : [])].filter((p): p is [string, unknown] => p !== undefined),
      ),
    );
}

type Path = readonly (string | number)[];

/** The path of every value inside a configuration (objects and arrays are walked, not sources). */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const inner =
    Array.isArray(value) ||
    (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype)
      ? Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, Array.isArray(value) ? Number(k) : k]))
      : [];
  return [at, ...inner];
}

const MUTATIONS = ["replace", "delete", "typo", "extra", "wrap"] as const;

/** A copy of `value` with one change at `path` (the objects and arrays on the way are copied). */
function mutatedAt(value: unknown, path: Path, how: (typeof MUTATIONS)[number], other: unknown): unknown {
  if (path.length === 0) {
    if (how === "wrap") return [value];
    if (how === "extra" && typeof value === "object" && value !== null && !Array.isArray(value))
      return { ...value, extra: other };
    return how === "replace" ? other : value;
  }
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && how === "delete") delete copy[head];
  else if (rest.length === 0 && how === "typo" && typeof head === "string")
    return Object.fromEntries(Object.entries(copy).map(([k, v]) => [k === head ? `${k}s` : k, v]));
  else copy[head] = mutatedAt(copy[head], rest, how, other);
  return copy;
}

/** Values just outside what some key accepts. */
const edges = fc.constantFrom(
  0,
  -1,
  0.5,
  2 ** 53,
  Number.NaN,
  "",
  " ",
  "bad name",
  "ARN:x",
  "(",
  "true",
  null,
  {},
  [],
);

/** A valid configuration changed at one place (which most changes make invalid). */
const mutated = arbitraryOf(CONFIG_SHAPE, false).chain((config) => {
  const paths = pathsOf(config);
  const leaves = paths.filter((path) => !pathsOf(valueAt(config, path)).some((p) => p.length > 0));
  return fc
    .tuple(
      fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...leaves) }, fc.constantFrom(...paths)),
      fc.oneof({ weight: 4, arbitrary: fc.constant("replace" as const) }, fc.constantFrom(...MUTATIONS)),
      fc.oneof({ weight: 3, arbitrary: edges }, anything),
    )
    .map(([path, how, other]) => mutatedAt(config, path, how, other));
});

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);
}

/**
 * Configurations: valid, changed at one place, generated with noise at every node, or anything.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(configs, (input) => { quickConfig(input); }));
 * ```
 */
export const configs = fc.oneof(
  { weight: 3, arbitrary: arbitraryOf(CONFIG_SHAPE, false) },
  { weight: 6, arbitrary: mutated },
  { weight: 2, arbitrary: arbitraryOf(CONFIG_SHAPE, true) },
  { weight: 1, arbitrary: anything },
);
