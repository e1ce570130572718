import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { CONFIG_SHAPE } from "./configShape.generated.js";
import { CHECK_KEY, configShapeOf } from "./configShapeOf.js";

/** Every node of a JSON Schema, with its path. */
function* nodes(node: unknown, path = "#"): Generator<[string, Record<string, unknown>]> {
  if (typeof node !== "object" || node === null) return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* nodes(item, `${path}/${i}`);
    return;
  }
  yield [path, node as Record<string, unknown>];
  for (const [key, value] of Object.entries(node))
    if (key !== "default") yield* nodes(value, `${path}/${key}`);
}

describe("configShape.generated.ts", () => {
  it("is what the zod schemas generate now", () => {
    const current = isDeepStrictEqual(CONFIG_SHAPE, configShapeOf());

    expect(
      current,
      "packages/awsconn/src/configShape.generated.ts is out of date with configSchema.ts: run `npm run gen:config-shape --workspace awsconn` and commit the file",
    ).toBe(true);
  });

  it("marks the checks JSON Schema cannot say: the ConnectionSource, logger and clock checks, lookup patterns, URLs", () => {
    const marks = [...nodes(CONFIG_SHAPE)]
      .filter(([, node]) => CHECK_KEY in node)
      .map(([path, node]) => `${path.replace(/^.*\/properties\//, "")}: ${node[CHECK_KEY]}`);

    expect([...new Set(marks)].sort()).toEqual([
      "clock: clock",
      "endpoint: url",
      "logger: logger",
      "lookupPattern: regex",
      "source: connectionSource",
      "sources/items/anyOf/1: connectionSource",
      "variablesLookupPattern: regex",
    ]);
  });
});
