// The error classes a user of the facade catches, from @awsconn/core, so that `awsconn` and
// `awsconn/compose` alone are enough (strict installers, pnpm, would not let an app import core).
export {
  AwsconnError,
  ConnectionNotFoundError,
  ConnectionFormatError,
  SourceError,
  ConfigError,
  InvalidConnIdError,
  VariableNotFoundError,
  isAwsconnError,
  redactConnection,
} from "@awsconn/core";
