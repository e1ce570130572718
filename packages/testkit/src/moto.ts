// @awsconn/testkit/moto: the moto server's lifecycle (pinned, in .venv), its endpoint, test clients
// and the clean AWS environment a test runs in.
export { startMoto, type StartMotoOptions, type MotoServer } from "./startMoto.js";
export { ensureVenv, findRepoRoot, type EnsureVenvOptions } from "./ensureVenv.js";
export { freePort } from "./freePort.js";
export { motoEndpoint, awsTestClientConfig, uniquePrefix, type AwsTestClientConfig } from "./motoEndpoint.js";
export { stubAwsTestEnv, AWS_TEST_ENV } from "./stubAwsTestEnv.js";
export { resetMoto } from "./resetMoto.js";
export { usePrivateMoto, type PrivateMoto } from "./usePrivateMoto.js";
