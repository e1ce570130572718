import { createRequire } from "node:module";

const requireHere = createRequire(import.meta.url);

/**
 * `node:fs`, loaded with `require`. An ES module's `import { statSync } from "node:fs"` makes Node
 * build the module's whole namespace, and with it load fs's stream classes and Node's stream
 * modules (about 6 ms of a process's start) that awsconn's synchronous reads never use. A literal
 * `require("node:fs")` where `require` exists (the CommonJS build, a bundler's output).
 *
 * @example
 * ```ts
 * import { nodeFs } from "@awsconn/core";
 * const stats = nodeFs.statSync("./connections.yaml");
 * ```
 */
export const nodeFs: typeof import("node:fs") =
  typeof require === "function" ? require("node:fs") : requireHere("node:fs");
