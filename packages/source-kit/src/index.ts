export {
  describeConnectionSource,
  type ContractSubject,
  type ContractOptions,
} from "./describeConnectionSource.js";
export type { SeedConnection } from "./SeedConnection.js";
export { DEFAULT_CONTRACT_SEED } from "./defaultContractSeed.js";
export { seededSecrets } from "./seededSecrets.js";
export { INVALID_CONN_IDS } from "./invalidConnIds.js";
export { expectNoSecretShown, renderings } from "./expectNoSecretShown.js";
export { expectErrorHidesSecret } from "./expectErrorHidesSecret.js";
export { expectRefusesInvalidIds, type RefusesInvalidIdsOptions } from "./expectRefusesInvalidIds.js";
export { expectAbortBeforeLookup } from "./expectAbortBeforeLookup.js";
export { formatErrorOf } from "./formatErrorOf.js";
export { sourceErrorOf } from "./sourceErrorOf.js";
