// Cold init of a bundled handler in this fresh process: import the bundle (argv[2]) and invoke its
// handler once, as Lambda's runtime does on a cold start. Prints one JSON line: the import and
// invocation times (ms, performance.now) and the handler's result.
import { pathToFileURL } from "node:url";

const t0 = performance.now();
const { handler } = await import(pathToFileURL(process.argv[2]).href);
const t1 = performance.now();
const result = await handler({}, {});
const t2 = performance.now();
process.stdout.write(
  `${JSON.stringify({ importMs: t1 - t0, invokeMs: t2 - t1, initMs: t2 - t0, result })}\n`,
);
