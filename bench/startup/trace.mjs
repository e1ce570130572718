// Loaded with `node --import ./trace.mjs probe.mjs`: records every module the probe loads.
// ES modules are seen by a load hook (in the hooks thread, appended to BENCH_TRACE_LOG);
// CommonJS modules are read from require.cache when the process exits.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const log = process.env.BENCH_TRACE_LOG;
register(new URL("./traceHooks.mjs", import.meta.url));
const require = createRequire(import.meta.url);
process.on("exit", () => {
  const files = Object.keys(require.cache).map((f) => `cjs ${f}`);
  if (files.length > 0) appendFileSync(log, `${files.join("\n")}\n`);
});
