export { runCli, type RunCliOptions } from "./runCli.js";
export { createProgram } from "./program.js";
export { EXIT, type ExitCode, exitCodeFor, UsageError } from "./exitCodes.js";
export { type CliIO, Output, type OutputOptions } from "./Output.js";
export { wantsColor, palette, type Palette } from "./color.js";
export { shellQuote } from "./shellQuote.js";
export {
  connectionOutputJson,
  connectionText,
  displayUri,
  type ConnectionOutputJson,
  type Provenance,
} from "./formatConnection.js";
export {
  credentialProcessJson,
  credentialEnvLines,
  credentialJson,
  endpointVariable,
  CREDENTIAL_FORMATS,
  type CredentialFormat,
  type ResolvedCredentials,
} from "./formatCredentials.js";
export { VERSION } from "./version.js";
