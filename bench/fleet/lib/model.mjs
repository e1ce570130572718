// The paper model: AWS's documented quotas and the call arithmetic of each way of reading
// connections, for a fleet of P processes with K connections each, cache TTL T seconds and every
// connection read every L seconds. Figures are per account and region (where AWS keys quotas).

export const QUOTAS = {
  ssmGet: 40, // GetParameter + GetParameters + GetParametersByPath, shared (standard throughput)
  getSecretValue: 10_000, // GetSecretValue + DescribeSecret, combined
  batchGetSecretValue: 100,
  listSecrets: 100,
};
/** Names per GetParameters call; secrets per BatchGetSecretValue call; GetParametersByPath / ListSecrets page sizes. */
export const PER_CALL = { getParameters: 10, batchGetSecretValue: 20, byPathPage: 10, listSecretsPage: 100 };

/** @param {{ P: number, K: number, T: number, L: number, startWindow: number }} f */
export function paperModel(f) {
  const batches = Math.ceil(f.K / PER_CALL.getParameters);
  const q = QUOTAS.ssmGet;
  const coldCalls = f.P * batches;
  return {
    fleet: f,
    coldBurst: {
      callsBatched: coldCalls,
      idealSeconds: Math.max(f.startWindow, coldCalls / q),
      callsOneByOne: f.P * f.K,
      idealSecondsOneByOne: Math.max(f.startWindow, (f.P * f.K) / q),
    },
    steady: {
      awsconn: line((f.P * batches) / f.T, q, (q * f.T) / batches),
      powertools: line((f.P * f.K) / f.T, q, (q * f.T) / f.K),
      naive: line((f.P * f.K) / f.L, q, (q * f.L) / f.K),
    },
    // The same fleet on Secrets Manager instead of SSM: when each quota binds.
    secretsManager: {
      getSecretValuePerId: line(
        (f.P * f.K) / f.T,
        QUOTAS.getSecretValue,
        (QUOTAS.getSecretValue * f.T) / f.K,
      ),
      batchGetSecretValue: line(
        (f.P * Math.ceil(f.K / PER_CALL.batchGetSecretValue)) / f.T,
        QUOTAS.batchGetSecretValue,
        (QUOTAS.batchGetSecretValue * f.T) / Math.ceil(f.K / PER_CALL.batchGetSecretValue),
      ),
    },
  };
}

/** Misses: `rate` lookups a second of ids never held, each a new id (the negative cache cannot help). */
export function missModel({ rate, heldIds, refreshSeconds }) {
  return {
    withoutManifest: rate,
    withManifestSsm: Math.ceil(heldIds / PER_CALL.byPathPage) / refreshSeconds,
    withManifestSecretsManager: Math.ceil(heldIds / PER_CALL.listSecretsPage) / refreshSeconds,
  };
}

function line(callsPerSecond, quota, maxFleet) {
  return { callsPerSecond, quota, shareOfQuota: callsPerSecond / quota, maxFleet: Math.floor(maxFleet) };
}
