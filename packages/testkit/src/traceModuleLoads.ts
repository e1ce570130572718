import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** What {@link traceModuleLoads} saw. */
export interface ModuleTrace {
  /** Every module URL the ES module loader resolved while importing the entry, in order. */
  esm: string[];
  /** Every file in the CommonJS `require.cache` after the import. */
  cjs: string[];
}

// Runs in the loader thread of the child: records every resolved URL, lets a `.js` import that
// only exists as `.ts` resolve to the `.ts` file, and transpiles TypeScript with `typescript`.
const HOOKS = `
import { appendFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
const log = process.env.AWSCONN_TRACE_LOG;
let ts;
export async function resolve(specifier, context, next) {
  let result;
  try {
    result = await next(specifier, context);
  } catch (error) {
    if (!(specifier.startsWith(".") && specifier.endsWith(".js"))) throw error;
    result = await next(specifier.slice(0, -3) + ".ts", context);
  }
  appendFileSync(log, result.url + "\\n");
  return result;
}
export async function load(url, context, next) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return next(url, context);
  ts ??= createRequire(process.env.AWSCONN_TRACE_TS)("typescript");
  const path = fileURLToPath(url);
  const out = ts.transpileModule(readFileSync(path, "utf8"), {
    fileName: path,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  });
  return { format: "module", source: out.outputText, shortCircuit: true };
}
`;

const MAIN = `
import { register, createRequire } from "node:module";
register(process.env.AWSCONN_TRACE_HOOKS);
await import(process.env.AWSCONN_TRACE_ENTRY);
const require = createRequire(import.meta.url);
process.stdout.write(JSON.stringify(Object.keys(require.cache)));
`;

/**
 * Imports `entry` (a `.ts` or `.js` file path) in a fresh `node` process, with workspace packages
 * resolved to their TypeScript sources (`--conditions=@awsconn/source`, transpiled on the fly by
 * `typescript`), and returns every module that import loaded: ES modules as seen by a resolve
 * hook, CommonJS modules from `require.cache`. No build is needed, and nothing else runs in the
 * child, so the list is exactly what importing the entry costs.
 *
 * @example
 * ```ts
 * const trace = await traceModuleLoads(fileURLToPath(new URL("../src/index.ts", import.meta.url)));
 * expect([...trace.esm, ...trace.cjs].filter((m) => m.includes("@aws-sdk"))).toEqual([]);
 * ```
 */
export async function traceModuleLoads(entry: string): Promise<ModuleTrace> {
  const dir = await mkdtemp(join(tmpdir(), "awsconn-trace-"));
  try {
    const hooks = join(dir, "hooks.mjs");
    const main = join(dir, "main.mjs");
    const log = join(dir, "esm.log");
    await Promise.all([writeFile(hooks, HOOKS), writeFile(main, MAIN), writeFile(log, "")]);
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ["--conditions=@awsconn/source", "--no-warnings", main],
        {
          env: {
            PATH: process.env.PATH ?? "",
            AWSCONN_TRACE_LOG: log,
            AWSCONN_TRACE_HOOKS: pathToFileURL(hooks).href,
            AWSCONN_TRACE_ENTRY: pathToFileURL(entry).href,
            AWSCONN_TRACE_TS: createRequire(import.meta.url).resolve("typescript"),
          },
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
      );
    });
    const esm = (await readFile(log, "utf8")).split("\n").filter(Boolean);
    return { esm, cjs: JSON.parse(stdout) as string[] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
