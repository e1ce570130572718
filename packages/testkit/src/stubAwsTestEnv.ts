import { afterAll, beforeAll, vi } from "vitest";

/**
 * The environment AWS source tests run in: dummy keys, and no real profile, shared config or
 * instance metadata that could sign a request with someone's real credentials.
 */
export const AWS_TEST_ENV: Readonly<Record<string, string>> = {
  AWS_ACCESS_KEY_ID: "testing",
  AWS_SECRET_ACCESS_KEY: "testing",
  AWS_CONFIG_FILE: "/nonexistent/awsconn-test-config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/awsconn-test-credentials",
  AWS_EC2_METADATA_DISABLED: "true",
};

/**
 * Stubs {@link AWS_TEST_ENV} (plus `overrides`) before the tests of the calling file or `describe`
 * block and restores every stubbed variable after them (`vi.unstubAllEnvs()`, which also undoes
 * variables a test stubbed itself).
 *
 * @example
 * ```ts
 * stubAwsTestEnv({ AWS_ACCESS_KEY_ID: "AKIASOURCEKEY0000001" });
 * ```
 */
export function stubAwsTestEnv(overrides: Readonly<Record<string, string>> = {}): void {
  beforeAll(() => {
    for (const [name, value] of Object.entries({ ...AWS_TEST_ENV, ...overrides })) vi.stubEnv(name, value);
  });
  afterAll(() => vi.unstubAllEnvs());
}
