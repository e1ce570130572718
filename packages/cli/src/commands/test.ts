import { validateConnId } from "@awsconn/core";
import { loadAwsCredentialsHelpers } from "awsconn";
import { Command } from "commander";
import { type ExitState, action, examples } from "../context.js";
import { EXIT } from "../exitCodes.js";
import type { CliIO } from "../Output.js";
import { openResolver } from "../resolver.js";

/** What `awsconn test` prints (`--json`: these keys). */
export interface TestResult {
  conn_id: string;
  account: string | null;
  arn: string | null;
  user_id: string | null;
  /** `static`, `assume-role`, `web-identity`, `profile`, `default-chain`. */
  method: string;
  region: string | null;
}

/**
 * `awsconn test <conn_id>`: Airflow's `test_connection` for AWS. Calls STS `GetCallerIdentity` with the
 * connection's credentials and region; the STS endpoint comes from `service_config.sts.endpoint_url`
 * only (never the connection-wide `endpoint_url`), as Airflow does. The call is awsconn's own STS
 * client for the connection (`callerIdentity` of `@awsconn/credentials`): each attempt bounded
 * (connect 1 s, whole answer 3 s, or `config_kwargs`), the call by a deadline (15 s by default).
 * Exit 0 with account, ARN, method and region; exit 4 with the AWS error name and message (never a
 * secret).
 *
 * @example
 * ```sh
 * awsconn test aws_default && echo "credentials work"
 * ```
 */
export function testCommand(io: CliIO, state: ExitState): Command {
  return new Command("test")
    .description("check an aws connection with STS GetCallerIdentity, as Airflow's test_connection")
    .argument("<conn_id>", "connection id of type aws, e.g. aws_default")
    .addHelpText(
      "after",
      examples(
        ["awsconn test aws_default", "account, ARN, credentials method and region"],
        ["awsconn test aws_default --json | jq -r .arn", "who the connection is"],
      ),
    )
    .action(
      action<[string], object>(io, state, async ({ out, globals }, [connId]) => {
        validateConnId(connId);
        const resolver = await openResolver(globals);
        const connection = await resolver.get(connId);
        const config = await resolver.getAwsClientConfig(connId);
        for (const warning of config.warnings ?? []) out.warn(warning);
        const { callerIdentity } = await loadAwsCredentialsHelpers();
        const who = await callerIdentity(connection, {
          credentials: config.credentials,
          // STS needs a region to sign; Airflow's boto3 falls back to the global endpoint (us-east-1).
          region: config.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? "us-east-1",
        });
        const result: TestResult = {
          conn_id: connId,
          account: who.account ?? null,
          arn: who.arn ?? null,
          user_id: who.userId ?? null,
          method: config.method,
          region: config.region ?? null,
        };
        if (globals.json) out.json(result);
        else out.data(testText(result));
        return EXIT.OK;
      }),
    );
}

/**
 * The text form of a successful test: one `key value` line each.
 *
 * @example
 * ```ts
 * testText({ conn_id: "aws_default", account: "123456789012", arn: "arn:aws:iam::123456789012:user/etl", user_id: "AIDA...", method: "static", region: "eu-west-1" });
 * ```
 */
export function testText(r: TestResult): string {
  const rows: [string, string | null][] = [
    ["conn_id", r.conn_id],
    ["account", r.account],
    ["arn", r.arn],
    ["user_id", r.user_id],
    ["method", r.method],
    ["region", r.region ?? "(none: the SDK default)"],
  ];
  return rows.map(([k, v]) => `${k.padEnd(8)} ${v ?? "-"}`).join("\n");
}
