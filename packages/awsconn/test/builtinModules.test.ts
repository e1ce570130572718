import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// Issue 17: Node's own modules count at start-up too. An ES module `import { statSync } from
// "node:fs"` builds fs's whole namespace, which loads its stream classes and Node's ~20 stream
// modules (about 6 ms); awsconn reads files through `nodeFs` (a require). Checked on the ES module
// build, in a fresh process. (The `performance` global, the resolver's clock, loads perf_hooks,
// about 2 ms; process.hrtime would avoid it but costs ~60 ns more per call, on every cached hit.)
const ESM = fileURLToPath(new URL("../dist/esm/index.js", import.meta.url));

const PROBE = (body: string) => `
const before = new Set(process.moduleLoadList);
${body}
const added = JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)));
process.stdout.write(added); // after the list: a piped stdout loads Node's streams itself
`;

function loaded(body: string, env: NodeJS.ProcessEnv = {}): string[] {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", PROBE(body)], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return (JSON.parse(out) as string[]).filter((m) => /^NativeModule (stream|internal\/fs\/streams)/.test(m));
}

describe.runIf(existsSync(ESM))("Node modules an env or file lookup loads (ES module build)", () => {
  const api = JSON.stringify(pathToFileURL(ESM).href);

  it("control: importing node:fs as an ES module loads Node's streams", () => {
    expect(loaded(`await import("node:fs");`)).toContain("NativeModule stream");
  });

  it("an env lookup loads no stream module", () => {
    const body = `const { createResolver } = await import(${api});
const c = await createResolver({ sources: [{ type: "env" }] }).get("probe_env");
if (c.host !== "db.internal") throw new Error("not resolved");`;

    expect(loaded(body, { AIRFLOW_CONN_PROBE_ENV: "postgres://u:p@db.internal/x" })).toEqual([]);
  });

  it("nor does a JSON file lookup", () => {
    const file = join(mkdtempSync(join(tmpdir(), "awsconn-builtins-")), "conns.json");
    writeFileSync(file, JSON.stringify({ probe_file: "postgres://u:p@db.internal/x" }), { mode: 0o600 });
    const body = `const { createResolver } = await import(${api});
const c = await createResolver({ sources: [{ type: "file", path: ${JSON.stringify(file)} }] }).get("probe_file");
if (c.host !== "db.internal") throw new Error("not resolved");`;

    expect(loaded(body)).toEqual([]);
  });
});
