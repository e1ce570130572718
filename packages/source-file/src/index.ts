export {
  fromFile,
  type FileInit,
  type FileConnectionSource,
  type FileSourceLogger,
  type FileSourceStats,
  type FileReport,
  FILE_SOURCE_NAME,
  DEFAULT_MAX_FILE_BYTES,
} from "./fromFile.js";
export {
  loadConnections,
  formatOfPath,
  type ConnectionsFileFormat,
  type FileEntry,
  type FileProblem,
  type LoadedConnections,
} from "./loadConnections.js";
export { CONNECTION_FILE_KEYS } from "./createFileConnection.js";
export { YAML_MAX_ALIAS_COUNT } from "./parseYamlText.js";
export { checkFilePermissions, type PermissionWarning } from "./checkFilePermissions.js";
export { yamlNestingProblem, YAML_NESTING_LIMITS } from "./yamlNestingProblem.js";
export { readRegularFile, RegularFileProblem, type ReadRegularFileOptions } from "./readRegularFile.js";
export { describeYamlError, type YamlProblem } from "./describeYamlError.js";
export { linearYamlAliases } from "./linearYamlAliases.js";
export { requireYaml } from "./requireYaml.js";
export { readPlainYaml, type PlainYaml } from "./readPlainYaml.js";
export { fromVariablesFile, type VariablesFileInit } from "./fromVariablesFile.js";
export { loadVariables, type LoadedVariables, type VariableEntry } from "./loadVariables.js";
