import { ConnectionFormatError } from "@awsconn/core";
import { expect } from "vitest";

/**
 * The `ConnectionFormatError` a promise rejects with; the test fails when it resolves or rejects
 * with anything else.
 *
 * @example
 * ```ts
 * const error = await formatErrorOf(source.get("bad_port"));
 * expect(error.message).toContain("env:AIRFLOW_CONN_BAD_PORT");
 * ```
 */
export async function formatErrorOf(promise: Promise<unknown>): Promise<ConnectionFormatError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectionFormatError);
  return error as ConnectionFormatError;
}
