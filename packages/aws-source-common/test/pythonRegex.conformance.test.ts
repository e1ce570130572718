// Runs every case of conformance/vectors/python_regex.json (written by
// conformance/generate_python_regex.py: Python's re.match(pattern, id, re.IGNORECASE), as the
// amazon provider tests connections_lookup_pattern) through translatePythonRegex. A pattern
// Python rejects must be a ConfigError; a pattern Python compiles must match every id as Python
// does, or be refused with a ConfigError only when conformance/deviations.json lists it
// ("python_regex:<id>") with the reason. A listed case must still deviate (refused or differing).
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { ConfigError } from "@awsconn/core";
import { pythonReMatch } from "../src/pythonRegex/pythonReMatch.js";

interface RegexCase {
  id: string;
  pattern: string;
  error: { type: string; message: string } | null;
  ids: [string, boolean][];
}

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../conformance/${name}`, import.meta.url), "utf8"));
const vectors = read("vectors/python_regex.json") as { python_version: string; cases: RegexCase[] };
const deviations = read("deviations.json") as Record<string, string>;
const ran = { patterns: 0, matches: 0, rejected: 0, deviations: 0 };

/** awsconn's answer: the ids it matches, or the ConfigError it throws. */
function outcome(v: RegexCase): { error: unknown } | { matched: boolean[] } {
  let matches: (text: string) => boolean;
  try {
    matches = pythonReMatch(v.pattern, { ignoreCase: true, path: "lookupPattern" });
  } catch (error) {
    return { error };
  }
  return { matched: v.ids.map(([text]) => matches(text)) };
}

describe("Python re.match(pattern, id, re.IGNORECASE): translatePythonRegex", () => {
  test("the vectors come from Python 3.11, the version Airflow 3.3.2's image runs", () => {
    expect(vectors.python_version).toMatch(/^3\.11\./);
    expect(vectors.cases.length).toBeGreaterThanOrEqual(500);
  });

  test.each(vectors.cases.map((v) => [v.id, v] as const))("%s", (id, v) => {
    ran.patterns++;
    const got = outcome(v);
    const listed = deviations[`python_regex:${id}`];
    if ("error" in got) {
      expect(got.error, `${JSON.stringify(v.pattern)}: ${String(got.error)}`).toBeInstanceOf(ConfigError);
      expect((got.error as ConfigError).path).toBe("lookupPattern");
      if (v.error) {
        ran.rejected++;
        return;
      }
      expect(
        listed,
        `refused ${JSON.stringify(v.pattern)}, which Python compiles: ${String(got.error)}`,
      ).toBeDefined();
      ran.deviations++;
      return;
    }
    expect(v.error, `${JSON.stringify(v.pattern)} compiled, Python says ${v.error?.message}`).toBeNull();
    const expected = v.ids.map(([, match]) => match);
    if (listed) {
      ran.deviations++;
      expect(got.matched, `listed deviation ${id} no longer deviates`).not.toEqual(expected);
      return;
    }
    ran.matches += expected.length;
    const differing = v.ids.filter((_, i) => got.matched[i] !== expected[i]).map(([text]) => text);
    expect(differing, `${JSON.stringify(v.pattern)}: awsconn differs from Python on these ids`).toEqual([]);
  });

  test("every python_regex deviation names an existing vector and gives a reason", () => {
    const ids = new Set(vectors.cases.map((v) => `python_regex:${v.id}`));
    for (const [key, reason] of Object.entries(deviations)) {
      if (!key.startsWith("python_regex:")) continue;
      expect(ids.has(key), `deviations.json names unknown vector ${key}`).toBe(true);
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});

afterAll(() => {
  console.log(
    `python regex: ${ran.patterns} patterns, ${ran.matches} id matches as Python, ${ran.rejected} rejected as Python does, ${ran.deviations} listed deviations`,
  );
});
