/**
 * Error codes with which AWS rejects the credentials themselves (not the permissions): an unknown or
 * deleted access key id (`InvalidClientTokenId` from query services such as STS and IAM,
 * `UnrecognizedClientException` from JSON services, `InvalidAccessKeyId` from S3), a wrong secret
 * key (`SignatureDoesNotMatch`, `InvalidSignatureException`), or an expired session token
 * (`ExpiredToken`, `ExpiredTokenException`). After a rotation these are what a client holding the old
 * keys sees. `AccessDenied*` is not among them: new keys would not change a missing permission.
 *
 * @example
 * ```ts
 * AUTH_ERROR_CODES.includes("InvalidClientTokenId"); // true
 * ```
 */
export const AUTH_ERROR_CODES: readonly string[] = [
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "InvalidSignatureException",
  "ExpiredToken",
  "ExpiredTokenException",
];

/**
 * True when an AWS SDK error says the request's credentials were refused ({@link AUTH_ERROR_CODES},
 * read from the error's `name`, which the SDK sets to the error code). A signature refused because
 * the clock is off (`Signature expired`) is not: the SDK corrects its clock skew and retries that itself.
 *
 * @example
 * ```ts
 * try { await sts.send(new GetCallerIdentityCommand({})); }
 * catch (error) { if (isAuthError(error)) console.log("the keys were refused"); }
 * ```
 */
export function isAuthError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (typeof name !== "string" || !AUTH_ERROR_CODES.includes(name)) return false;
  return !(typeof message === "string" && /signature expired/i.test(message));
}
