// Property: whatever string awsconn writes into a YAML connections file, PyYAML's safe loader (the one
// Airflow's LocalFilesystemBackend uses, from the repo's .venv) reads back the same string, as key and
// as value. Complements the fixed Airflow vectors (airflowWrites.test.ts) with random strings.
import { execFileSync } from "node:child_process";
import { ensureVenv } from "@awsconn/testkit/moto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setYamlEntry } from "../src/setYamlEntry.js";

const LOAD = [
  "import json, sys, yaml",
  "docs = json.load(sys.stdin)",
  "print(json.dumps([yaml.load(d, Loader=yaml.CSafeLoader) for d in docs]))",
].join("\n");

// Characters YAML treats specially, mixed with any code point.
const special = fc.constantFrom(
  ..." \t\n\r:#-?&*!|>'\"%@`{}[],=<~._0123456789yYnNoO\u0085\u2028\u00a0\ufeff\u0000\u007f",
);
const piece = fc.oneof(
  fc.string({ unit: "grapheme" }),
  special,
  fc.constantFrom("no", "off", "1:20", "null", "1_0"),
);

describe("PyYAML reads back every string awsconn writes", () => {
  it("2,000 random strings as password, host, extra key and extra value", async () => {
    const python = await ensureVenv();
    const samples = fc.sample(
      fc.array(piece, { maxLength: 6 }).map((parts) => parts.join("")),
      {
        numRuns: 2000,
        seed: 14_6,
      },
    );
    const docs = samples.map((s) => setYamlEntry("", "c", { password: s, host: s, extra: { [s]: s } }));
    const loaded = JSON.parse(
      execFileSync(python, ["-c", LOAD], { input: JSON.stringify(docs), encoding: "utf8" }),
    );
    samples.forEach((s, i) => {
      expect(loaded[i], JSON.stringify({ s, doc: docs[i] })).toEqual({
        c: { password: s, host: s, extra: { [s]: s } },
      });
    });
  }, 60_000); // a Python process and 2,000 documents: seconds on a loaded machine, not vitest's default 5
});
