// awsconn/file: the local file sources (JSON, YAML, .env), for composeResolver (awsconn/compose).
export {
  fromFile,
  type FileInit,
  type FileConnectionSource,
  fromVariablesFile,
  type VariablesFileInit,
} from "@awsconn/source-file";
