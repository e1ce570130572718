export type { Connection } from "./Connection.js";
export type { ConnectionSource, SourceHit, SourceCallOptions } from "./ConnectionSource.js";
export { type HitOrigin, hitOrigin, hitWithOrigin } from "./hitOrigin.js";
export {
  AwsconnError,
  type AwsconnErrorCode,
  ConnectionNotFoundError,
  ConnectionFormatError,
  SourceError,
  type SourceErrorKind,
  ConfigError,
  type ConfigProblem,
  type ConfigErrorOptions,
  InvalidConnIdError,
  VariableNotFoundError,
  isAwsconnError,
} from "./errors.js";
export type { VariableSource, VariableHit } from "./VariableSource.js";
export { isSensitiveVariableKey, SENSITIVE_VARIABLE_WORDS } from "./isSensitiveVariableKey.js";
export { validateConnId, isValidConnId, CONN_ID_MAX_LENGTH } from "./validateConnId.js";
export { redactConnection, redactExtra, isSecretKey, REDACTED } from "./redactConnection.js";
export { createConnection, protectConnection, isSafeConnection } from "./createConnection.js";
export {
  redactForeignError,
  foreignErrorMessage,
  scrubText,
  WITHHELD_MESSAGE,
  type RedactForeignErrorOptions,
} from "./redactForeignError.js";
export { describeJsonSyntaxError, type JsonSyntaxProblem } from "./describeJsonSyntaxError.js";
export { parseConnectionUri, type ParseOptions } from "./parseConnectionUri.js";
export { parseConnectionJson } from "./parseConnectionJson.js";
export { parseConnectionValue } from "./parseConnectionValue.js";
export { connectionToUri } from "./connectionToUri.js";
export { connectionToJson, type AirflowConnectionJson } from "./connectionToJson.js";
export { normalizeConnType } from "./normalizeConnType.js";
export { CONNECTION_FIELD_KEYS } from "./connectionFieldKeys.js";
export {
  parsePythonJson,
  type ParsePythonJsonOptions,
  type PythonJsonResult,
} from "./parsePythonJson.js";
export type { LineTree } from "./LineTree.js";
export { pythonStrip, isPythonWhitespace, PYTHON_WHITESPACE } from "./python/pythonStrip.js";
export { pyFloatRepr } from "./python/pyFloatRepr.js";
export { lazyPattern } from "./lazyPattern.js";
export { type ConnectionParser, DEFAULT_CONNECTION_PARSER } from "./ConnectionParser.js";
export { levenshtein } from "./levenshtein.js";
export { closestMatch } from "./closestMatch.js";
export { type TeamInit, type TeamScope, resolveTeam } from "./resolveTeam.js";
export { loadOnce } from "./loadOnce.js";
export { nodeFs } from "./nodeFs.js";
export { KNOWN_EXTRA_KEYS } from "./knownAwsExtraKeys.js";
