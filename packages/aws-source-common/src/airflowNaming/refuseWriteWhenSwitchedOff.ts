import { ConfigError } from "@awsconn/core";

/**
 * Refuses a write to an AWS source whose connections are switched off (`prefix: null`, as in
 * Airflow): there is no name to write to.
 *
 * @example
 * ```ts
 * refuseWriteWhenSwitchedOff(prefix === null); // throws ConfigError at path "prefix"
 * ```
 */
export function refuseWriteWhenSwitchedOff(off: boolean): void {
  if (off)
    throw new ConfigError("connections are switched off here (prefix: null): nothing to write to", {
      path: "prefix",
    });
}
