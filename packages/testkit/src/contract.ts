// @awsconn/testkit/contract: the ConnectionSource contract suite (from the public @awsconn/source-kit),
// the AWS sources' shared contract and failure suites, and the Airflow backend conformance vectors.
export {
  describeConnectionSource,
  seededSecrets,
  DEFAULT_CONTRACT_SEED,
  INVALID_CONN_IDS,
  expectNoSecretShown,
  expectRefusesInvalidIds,
  expectAbortBeforeLookup,
  renderings,
  expectErrorHidesSecret,
  formatErrorOf,
  sourceErrorOf,
  type SeedConnection,
  type ContractSubject,
  type ContractOptions,
  type RefusesInvalidIdsOptions,
} from "@awsconn/source-kit";
export {
  describeAwsSourceFailures,
  type AwsFailureInit,
  type AwsFailureNames,
} from "./describeAwsSourceFailures.js";
export {
  loadAirflowBackendCases,
  listedAirflowDeviations,
  airflowOutcomeOf,
  expectAirflowOutcome,
  airflowFieldsOf,
  airflowTeamInit,
  sharedAirflowBackendDeviations,
  type AirflowBackendCase,
  type AirflowStoredItem,
  type AirflowOutcome,
  type AirflowDeviation,
} from "./airflowBackendCases.js";
export {
  describeAirflowBackendConformance,
  type AirflowConformanceOptions,
} from "./describeAirflowBackendConformance.js";
export { describeAwsSourceContract, type AwsSourceContractOptions } from "./describeAwsSourceContract.js";
export { describeAwsSourcePrefixNull, type PrefixNullFactory } from "./describeAwsSourcePrefixNull.js";
export {
  describeAirflowBackendFuzz,
  loadAirflowFuzzCases,
  type AirflowFuzzCase,
  type AirflowFuzzOutcome,
  type AirflowFuzzDeviation,
  type AirflowFuzzInit,
  type AirflowFuzzOptions,
} from "./describeAirflowBackendFuzz.js";
export { airflowFuzzDeviationOf, AIRFLOW_FUZZ_REASONS } from "./airflowFuzzRules.js";
