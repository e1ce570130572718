import { ConfigError } from "@awsconn/core";

/**
 * The variable `awsconn credentials` sets for every process it starts: the connection ids being
 * resolved by the `awsconn credentials` processes above, comma-separated (a comma is never in an
 * id). The AWS SDKs run a profile's `credential_process` with their own environment, so a nested
 * `awsconn credentials` started by awsconn's own AWS clients sees it.
 */
export const CREDENTIAL_PROCESS_CHAIN_VAR = "AWSCONN_CREDENTIAL_PROCESS_CHAIN";

/** `awsconn credentials` refuses to run below this many `awsconn credentials` processes. */
export const MAX_CREDENTIAL_PROCESS_DEPTH = 3;

/** The words that start every message about the loop (the parent finds them in a nested process's error). */
export const LOOP_MARK = "credential_process loop:";

/**
 * Called by `awsconn credentials <connId>` before anything else. When an `awsconn credentials` above
 * this one is already resolving `connId` (or the chain is {@link MAX_CREDENTIAL_PROCESS_DEPTH} deep),
 * this process was started by awsconn's own AWS clients through a profile whose `credential_process`
 * runs awsconn again: it throws a `ConfigError` (exit 5) that names the profile and how to break the
 * loop, before any lookup, so no further process starts. Otherwise it adds `connId` to the chain in
 * `env` (the process environment, inherited by what the SDK starts).
 *
 * @example
 * ```ts
 * enterCredentialProcess("aws_default", process.env); // throws when nested in its own lookup
 * ```
 */
export function enterCredentialProcess(connId: string, env: Record<string, string | undefined>): void {
  const chain = (env[CREDENTIAL_PROCESS_CHAIN_VAR] ?? "").split(",").filter(Boolean);
  if (chain.includes(connId) || chain.length >= MAX_CREDENTIAL_PROCESS_DEPTH) {
    const path = [...chain, connId].map((id) => JSON.stringify(id)).join(" -> ");
    throw new ConfigError(
      `${LOOP_MARK} this "awsconn credentials ${connId}" was started by awsconn itself while it resolves ${path}. ${loopAdvice(env)}`,
    );
  }
  env[CREDENTIAL_PROCESS_CHAIN_VAR] = [...chain, connId].join(",");
}

/**
 * Why a credential_process loop happens and how to break it, naming the profile (`AWS_PROFILE`)
 * when it is set.
 *
 * @example
 * ```ts
 * loopAdvice({ AWS_PROFILE: "etl" }); // 'awsconn's own AWS clients ... profile "etl" (AWS_PROFILE) ...'
 * ```
 */
export function loopAdvice(env: Record<string, string | undefined>): string {
  const profile = env.AWS_PROFILE
    ? `profile "${env.AWS_PROFILE}" (AWS_PROFILE)`
    : "the profile they use (a source's `profile:`, else [default])";
  const unset = env.AWS_PROFILE
    ? "or keep AWS_PROFILE away from awsconn itself (credential_process = env -u AWS_PROFILE awsconn credentials ...), "
    : "";
  return (
    `awsconn's own AWS clients (Secrets Manager, SSM, STS) take their credentials from ${profile}, whose credential_process runs awsconn again. ` +
    `Break the loop: set \`profile:\` (or \`roleArn\` with such a profile) on the secretsmanager/ssm sources of the awsconn config to a profile that does not run awsconn, ${unset}` +
    "or keep the connection in an env or file source."
  );
}

/**
 * The loop advice when `error` (or one of its causes) came from a nested awsconn that refused a
 * credential_process loop (its message travels in the SDK's error), else `undefined`.
 *
 * @example
 * ```ts
 * const advice = loopFailure(error, process.env); // printed after the error itself
 * ```
 */
export function loopFailure(error: unknown, env: Record<string, string | undefined>): string | undefined {
  // This process's own refusal (enterCredentialProcess) already says it all.
  if (error instanceof ConfigError && error.message.startsWith(LOOP_MARK)) return undefined;
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 10; depth++, e = e.cause) {
    if (e.message.includes(LOOP_MARK)) {
      return `${LOOP_MARK} ${loopAdvice(env)}`;
    }
  }
  return undefined;
}
