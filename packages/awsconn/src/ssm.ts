// awsconn/ssm: the AWS SSM Parameter Store sources, for composeResolver (awsconn/compose).
// Needs @aws-sdk/client-ssm installed (an optional peer dependency of awsconn).
export {
  fromSsm,
  type SsmInit,
  fromSsmVariables,
  type SsmVariablesInit,
  DEFAULT_SSM_PREFIX,
  DEFAULT_SSM_VARIABLES_PREFIX,
} from "@awsconn/source-ssm";
