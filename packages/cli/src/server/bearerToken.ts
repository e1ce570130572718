import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A new random token for the credentials server: 32 bytes from the system CSPRNG, base64url
 * (43 characters, no `\r`/`\n`, safe in a header and in an environment variable).
 *
 * @example
 * ```ts
 * const token = newBearerToken(); // "l3Q0...", different every call
 * ```
 */
export function newBearerToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Whether an `Authorization` header carries the token: exactly the token (what the AWS SDKs send:
 * the value of `AWS_CONTAINER_AUTHORIZATION_TOKEN` as it is), or `Bearer <token>` (curl users).
 * Compared in constant time (SHA-256 digests of equal length through `timingSafeEqual`), so the
 * answer time tells nothing about how much of a guess was right.
 *
 * @example
 * ```ts
 * tokenMatches(req.headers.authorization, token); // false for undefined, "" or a wrong token
 * ```
 */
export function tokenMatches(header: string | readonly string[] | undefined, token: string): boolean {
  if (typeof header !== "string" || header === "" || token === "") return false;
  const given = /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, "") : header;
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(token, "utf8").digest();
  return timingSafeEqual(a, b);
}
