// The contract suite and its helpers live in the public @awsconn/source-kit; re-exported here so
// the built-in sources' tests keep one import.
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
export { traceModuleLoads, type ModuleTrace } from "./traceModuleLoads.js";
export { startMoto, type StartMotoOptions, type MotoServer } from "./startMoto.js";
export { ensureVenv, findRepoRoot, type EnsureVenvOptions } from "./ensureVenv.js";
export { freePort } from "./freePort.js";
export { motoEndpoint, awsTestClientConfig, uniquePrefix, type AwsTestClientConfig } from "./motoEndpoint.js";
export {
  startLoopbackProxy,
  awsJsonError,
  type LoopbackProxy,
  type LoopbackProxyOptions,
  type RecordedRequest,
  type CannedResponse,
} from "./startLoopbackProxy.js";
export {
  startImdsFake,
  type ImdsFake,
  type ImdsFakeOptions,
  type ImdsFakeCredentials,
  type ImdsFakeRequest,
} from "./imdsFake.js";
export {
  startFaultProxy,
  faultSequence,
  type Fault,
  type FaultScript,
  type FaultRecord,
  type FaultProxy,
  type FaultProxyOptions,
} from "./faultProxy.js";
export { stubAwsTestEnv, AWS_TEST_ENV } from "./stubAwsTestEnv.js";
export { useLoopbackProxies, type LoopbackProxies } from "./useLoopbackProxies.js";
export {
  describeAwsSourceFailures,
  type AwsFailureInit,
  type AwsFailureNames,
} from "./describeAwsSourceFailures.js";
export { resetMoto } from "./resetMoto.js";
export {
  loadAirflowBackendCases,
  listedAirflowDeviations,
  airflowOutcomeOf,
  expectAirflowOutcome,
  airflowFieldsOf,
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
export { runNodeScript, type NodeScriptResult, type RunNodeScriptOptions } from "./runNodeScript.js";
