// @awsconn/testkit/process: running node scripts as separate processes, and tracing what a module loads.
export { traceModuleLoads, type ModuleTrace } from "./traceModuleLoads.js";
export { runNodeScript, type NodeScriptResult, type RunNodeScriptOptions } from "./runNodeScript.js";
