import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// Issue 17 (memory): a connection parsed from a JSON text must not keep the text alive. V8's
// `slice` of 13 characters or more is a view into the whole string, so a cached Secrets Manager
// connection whose host was such a view kept its whole SecretString (about 200 B more per cached
// connection with the bench's secrets). Measured in a fresh process on the built module: texts of
// 4 KB (the padding is JSON whitespace) that the parsed connections must not hold.
const ESM = fileURLToPath(new URL("../dist/esm/index.js", import.meta.url));
const N = 2000;
const PADDING = 4096;

function heapPerConnection(make: string, parse = "parseConnectionJson"): number {
  const script = `
const { ${parse}: parse } = await import(${JSON.stringify(pathToFileURL(ESM).href)});
const pad = " ".repeat(${PADDING});
const secret = (i) => JSON.parse(JSON.stringify({ s: ${make} })).s; // a string of its own, as the SDK gives it
for (let i = 0; i < 50; i++) parse(secret(i), "warm");
globalThis.gc(); globalThis.gc();
const kept = new Array(${N});
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < ${N}; i++) kept[i] = parse(secret(i), "conn");
globalThis.gc(); globalThis.gc();
process.stdout.write(String((process.memoryUsage().heapUsed - before) / ${N}));
if (kept.some((c) => !c.host?.startsWith("db-"))) process.exit(1);`;
  const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  return Number(out);
}

describe.runIf(existsSync(ESM))("parsed connections keep none of their JSON text", () => {
  it("long plain strings (host, password, extra values) are strings of their own", () => {
    const make = `'{"conn_type": "postgres",' + pad + '"host": "db-' + i + '.cluster.example.internal", "password": "pw-' + i + '-0123456789abcdef", "extra": {"application_name": "app-' + i + '-with-a-long-name"}}'`;
    expect(heapPerConnection(make)).toBeLessThan(PADDING / 3);
  });

  it("so are long strings with escapes", () => {
    const make = `'{"conn_type": "postgres",' + pad + '"host": "db-' + i + '.cluster.example.internal", "password": "p\\\\u00e9-' + i + '-\\\\n-0123456789"}'`;
    expect(heapPerConnection(make)).toBeLessThan(PADDING / 3);
  });

  it("so are a URI's fields and query values (a fragment, which Airflow ignores, pads the text)", () => {
    const make = `'postgres://svc_' + i + '_long_login:pw-' + i + '-0123456789abcdef@db-' + i + '.cluster.example.internal:5432/warehouse_schema_' + i + '?application_name=app-' + i + '-with-a-long-name#' + pad`;
    expect(heapPerConnection(make, "parseConnectionUri")).toBeLessThan(PADDING / 3);
  });
});
