import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// Issue 17: each ES module costs a fresh process its own resolution, read and link. The facade's
// bundle inlines its two local sources (package.json `inlined`: @awsconn/source-env and
// @awsconn/source-file), so `import "awsconn"` loads two workspace modules (awsconn, core), not
// four. Checked on the built bundles, in a fresh process.
const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
const ESM = join(DIST, "esm/index.js");
const CJS = join(DIST, "cjs/index.js");

/**
 * The modules under packages/ or node_modules/ a fresh process loads running `body` (an ES module).
 * Not testkit's traceModuleLoads: that one resolves workspace packages to their sources, and this
 * test is about the built bundles.
 */
function modulesLoaded(body: string, env: NodeJS.ProcessEnv = {}): string[] {
  const probe = `${body}
const { createRequire } = await import("node:module");
const cjs = Object.keys(createRequire(import.meta.url).cache);
process.stdout.write(JSON.stringify(cjs));`;
  const hooks = `
import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (url.startsWith("file:")) appendFileSync(process.env.PROBE_LOG, url + "\\n");
  return next(url, context);
}`;
  const dir = mkdtempSync(join(tmpdir(), "awsconn-inlined-"));
  const hooksFile = join(dir, "hooks.mjs");
  const log = join(dir, "esm.log");
  writeFileSync(hooksFile, hooks);
  writeFileSync(log, "");
  const register = `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(hooksFile).href)});`;
  try {
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        `data:text/javascript,${encodeURIComponent(register)}`,
        "--input-type=module",
        "-e",
        probe,
      ],
      { encoding: "utf8", env: { PATH: process.env.PATH ?? "", PROBE_LOG: log, ...env } },
    );
    const esm = readFileSync(log, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((u) => fileURLToPath(u));
    return [...esm, ...(JSON.parse(out) as string[])].filter((f) => /\/(packages|node_modules)\//.test(f));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const workspaceModules = (files: string[]) =>
  [...new Set(files.flatMap((f) => /\/packages\/([^/]+)\/dist\//.exec(f)?.[1] ?? []))].sort();

describe.runIf(existsSync(ESM))("the facade bundle inlines its local sources (ES module build)", () => {
  const api = JSON.stringify(pathToFileURL(ESM).href);

  it("names no @awsconn/source-env or @awsconn/source-file import, in either build", () => {
    for (const file of [ESM, CJS]) {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/["']@awsconn\/source-(env|file)["']/);
      expect(text).toMatch(/["']@awsconn\/core["']/);
    }
  });

  it("an env lookup loads awsconn and core only", () => {
    const body = `const { createResolver } = await import(${api});
const c = await createResolver({ sources: [{ type: "env" }] }).get("probe_env");
if (c.host !== "db.internal") throw new Error("not resolved");`;

    const files = modulesLoaded(body, { AIRFLOW_CONN_PROBE_ENV: "postgres://u:p@db.internal/x" });
    expect(workspaceModules(files)).toEqual(["awsconn", "core"]);
    expect(files.filter((f) => f.includes("/node_modules/"))).toEqual([]);
  });

  it("a YAML file beyond the plain subset is read with source-file's one-file copy of yaml", () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-inlined-"));
    const file = join(dir, "conns.yaml");
    writeFileSync(file, "probe_file:\n  conn_type: postgres\n  host: &h db.internal\n  schema: *h\n", {
      mode: 0o600,
    });
    const body = `const { createResolver } = await import(${api});
const c = await createResolver({ sources: [{ type: "file", path: ${JSON.stringify(file)} }] }).get("probe_file");
if (c.host !== "db.internal") throw new Error("not resolved");`;

    const files = modulesLoaded(body);
    rmSync(dir, { recursive: true, force: true });
    expect(files.filter((f) => f.endsWith("/source-file/dist/yaml.cjs"))).toHaveLength(1);
    expect(files.filter((f) => /\/node_modules\/yaml\//.test(f))).toEqual([]);
    expect(workspaceModules(files)).toEqual(["awsconn", "core", "source-file"]);
  });
});
