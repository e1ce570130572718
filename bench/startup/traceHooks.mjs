// Module hooks (run in Node's hooks thread): log every loaded module URL.
import { appendFileSync } from "node:fs";

const log = process.env.BENCH_TRACE_LOG;

export async function load(url, context, next) {
  appendFileSync(log, `esm ${url}\n`);
  return next(url, context);
}
