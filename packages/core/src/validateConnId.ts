import { lazyPattern } from "./lazyPattern.js";
import { InvalidConnIdError } from "./errors.js";

/** Airflow's `CONN_ID_MAX_LEN`. */
export const CONN_ID_MAX_LENGTH = 250;

// Airflow: re.compile(r"^[\w#!()\-.:/\\]{1,}$") with Python's Unicode \w (letters, numbers, underscore).
// Built on the first id that is not plain ASCII: a Unicode property class costs a fresh process
// about a millisecond to build, and almost every id passes the ASCII subset below.
const CONN_ID_PATTERN = lazyPattern(String.raw`^[\p{L}\p{N}_#!()\-.:/\\]+$`, "u");
const ASCII_CONN_ID = /^[A-Za-z0-9_#!()\-.:/\\]+$/;

/**
 * Checks a connection id against Airflow's rule: Unicode word characters and `#!()-.:/\`,
 * 1..250 characters. Returns the id; throws {@link InvalidConnIdError} otherwise.
 *
 * Airflow only logs a bad id; awsconn refuses it before any lookup (a documented deviation),
 * and also refuses `..` path segments so an id can never climb out of a prefix.
 *
 * @example
 * ```ts
 * validateConnId("aws_default"); // "aws_default"
 * validateConnId("team/aws");    // "team/aws"
 * validateConnId("../x");        // throws InvalidConnIdError
 * ```
 */
export function validateConnId(connId: string): string {
  if (typeof connId !== "string") throw new InvalidConnIdError(String(connId), "it must be a string");
  if (connId.length === 0) throw new InvalidConnIdError(connId, "it is empty");
  if (connId.length > CONN_ID_MAX_LENGTH)
    throw new InvalidConnIdError(
      connId,
      `it is ${connId.length} characters long; the limit is ${CONN_ID_MAX_LENGTH}`,
    );
  if (!ASCII_CONN_ID.test(connId) && !CONN_ID_PATTERN().test(connId))
    throw new InvalidConnIdError(
      connId,
      "only letters, digits, underscore and the characters # ! ( ) - . : / \\ are allowed",
    );
  if (connId.split(/[/\\]/).some((segment) => segment === "..")) {
    throw new InvalidConnIdError(connId, 'a ".." path segment is not allowed');
  }
  return connId;
}

/** True when {@link validateConnId} would accept the id. */
export function isValidConnId(connId: string): boolean {
  try {
    validateConnId(connId);
    return true;
  } catch {
    return false;
  }
}
