import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// The suites run the sources; users run the bundles (scripts/bundlePackage.mjs), where esbuild may
// rename a class or a function (a collision between two modules, or, without keepNames, a class that
// refers to itself: `_ConfigError`). An error's `name` and what util.inspect prints are API. So a
// fresh node process (no source condition) loads each build and reports the names.
const ESM = fileURLToPath(new URL("../dist/esm/index.js", import.meta.url));
const CJS = fileURLToPath(new URL("../dist/cjs/index.js", import.meta.url));
const built = existsSync(ESM) && existsSync(CJS);

const PROBE = `
const { inspect } = require("node:util");
const report = (api) => {
  const errors = Object.entries(api).filter(([k, v]) => typeof v === "function" && /Error$/.test(k) && v.prototype instanceof Error);
  const functions = ["createResolver", "getConnection", "fromFile", "parseConfig", "withCache"];
  return {
    errors: errors.map(([k, v]) => [k, v.name]),
    functions: functions.map((k) => [k, api[k].name]),
    configError: [new api.ConfigError("x").name, inspect(new api.ConfigError("x")).split("\\n")[0]],
    connection: inspect(api.createConnection({ conn_type: "aws", password: "p" })),
  };
};
`;

function probe(load: string): ReturnType<typeof JSON.parse> {
  const out = execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `${PROBE.replace("const { inspect } = require", "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); const { inspect } = require")}\nconst api = ${load};\nprocess.stdout.write(JSON.stringify(report(api)));`,
    ],
    { encoding: "utf8" },
  );
  return JSON.parse(out);
}

describe.runIf(built)("the built awsconn keeps its names", () => {
  it.each([
    ["ES module", `await import(${JSON.stringify(pathToFileURL(ESM).href)})`],
    ["CommonJS", `require(${JSON.stringify(CJS)})`],
  ])("%s build: every error class's name is its export name; functions keep theirs", (_kind, load) => {
    const r = probe(load);
    expect(r.errors.length).toBeGreaterThan(6);
    for (const [key, name] of r.errors) expect(name).toBe(key);
    for (const [key, name] of r.functions) expect(name).toBe(key);
    expect(r.configError[0]).toBe("ConfigError");
    expect(r.configError[1]).toMatch(/^ConfigError: x/);
    expect(r.connection).toMatch(/^Connection \{/);
    expect(r.connection).not.toContain("'p'");
  });
});
