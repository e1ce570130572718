// @awsconn/testkit/faults: loopback proxies in front of moto (counting, canned AWS errors, hangs,
// scripted faults, AWS quotas, revoked keys) and the IMDSv2 fake.
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
export {
  startQuotaProxy,
  throttlingReply,
  AWS_DEFAULT_QUOTAS,
  type Quota,
  type QuotaProxy,
  type QuotaProxyOptions,
  type QuotaBin,
  type OperationCount,
  type AwsProtocol,
} from "./quotaProxy.js";
export {
  createTokenBucket,
  type TokenBucket,
  type TokenBucketOptions,
  type BucketClock,
} from "./tokenBucket.js";
export {
  startRevokingProxy,
  revokedKeyReply,
  refusalProtocolOf,
  sigV4AccessKeyId,
  type RevokingProxy,
  type RevokingProxyOptions,
  type RevokedKeyAnswer,
  type RefusalProtocol,
} from "./revokingProxy.js";
export { useLoopbackProxies, type LoopbackProxies } from "./useLoopbackProxies.js";
