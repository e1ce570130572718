import { isSecretKey } from "@awsconn/core";
import type { SeedConnection } from "./SeedConnection.js";

/**
 * The secret strings planted in a seed: passwords and the string values of secret-looking extra
 * keys (`aws_secret_access_key`, `aws_session_token`, `token`, ...), as awsconn's redaction sees them.
 *
 * @example
 * ```ts
 * import { DEFAULT_CONTRACT_SEED, seededSecrets } from "@awsconn/source-kit";
 * seededSecrets(DEFAULT_CONTRACT_SEED); // ["planted-Secret/Value+1", "planted-session-token-2", "planted-pg-pass-3"]
 * ```
 */
export function seededSecrets(seed: readonly SeedConnection[]): string[] {
  const secrets: string[] = [];
  for (const c of seed) {
    if (c.password) secrets.push(c.password);
    for (const [k, v] of Object.entries(c.extra ?? {}))
      if (isSecretKey(k) && typeof v === "string") secrets.push(v);
  }
  return secrets;
}
