import { validateConnId } from "@awsconn/core";
import { withoutLease } from "awsconn";
import { Command, Option } from "commander";
import { type ExitState, action, examples } from "../context.js";
import { enterCredentialProcess } from "../credentialProcessChain.js";
import {
  CREDENTIAL_FORMATS,
  type CredentialFormat,
  credentialEnvLines,
  credentialJson,
  credentialProcessJson,
} from "../formatCredentials.js";
import type { CliIO } from "../Output.js";
import { openResolver } from "../resolver.js";

interface CredentialsOptions {
  format?: CredentialFormat;
  service?: string;
}

/**
 * `awsconn credentials <conn_id>`: resolves an `aws` connection to AWS credentials (static keys,
 * an assumed role, a profile, or the default chain) and prints them for another program. Run as a
 * profile's `credential_process`, it marks the processes it starts (`enterCredentialProcess`): when
 * its own AWS clients read that same profile and start awsconn again, the nested one refuses at once.
 *
 * @example
 * ```ini
 * [profile etl]
 * credential_process = awsconn credentials aws_default --format process
 * ```
 */
export function credentialsCommand(io: CliIO, state: ExitState): Command {
  return new Command("credentials")
    .description(
      "print AWS credentials of an aws connection (credential_process JSON, shell exports, or JSON)",
    )
    .argument("<conn_id>", "connection id of type aws, e.g. aws_default")
    .addOption(
      new Option("--format <format>", "output format (default: process; json with --json)").choices(
        CREDENTIAL_FORMATS,
      ),
    )
    .option(
      "--service <name>",
      "AWS service the endpoint is for (service_config.<name>.endpoint_url), e.g. s3",
    )
    .addHelpText(
      "after",
      examples(
        ["awsconn credentials aws_default", "credential_process JSON (Version 1)"],
        ['eval "$(awsconn credentials aws_default --format env)"', "export AWS_* into this shell"],
        [
          "awsconn credentials aws_default --format json --service s3",
          "keys plus region and the s3 endpoint",
        ],
        [
          "printf '[profile etl]\\ncredential_process = awsconn credentials aws_default --format process\\n' >> ~/.aws/config",
          "let the AWS CLI and every SDK use the connection",
        ],
      ),
    )
    .action(
      action<[string], CredentialsOptions>(io, state, async ({ out, globals }, [connId], options) => {
        validateConnId(connId);
        // Refuses at once when awsconn's own AWS clients started this process (a loop through a profile).
        enterCredentialProcess(connId, io.env);
        const format: CredentialFormat = options.format ?? (globals.json ? "json" : "process");
        const resolver = await openResolver(globals);
        const config = await resolver.getAwsClientConfig(connId, options.service);
        for (const warning of config.warnings ?? []) out.warn(warning);
        // credential_process output with an Expiration is run again by the AWS CLI and SDKs as it nears:
        // long-term keys keep none (their lease is awsconn's cache lifetime, not an expiry)
        const identity = withoutLease(await config.credentials());
        const resolved = {
          ...identity,
          region: config.region,
          endpoint: config.endpoint,
          method: config.method,
          service: options.service,
          roleArn: stringOrUndefined(config.roleArn),
          roleSessionName: stringOrUndefined(config.roleSessionName),
        };
        out.debug(`credentials for ${connId} via ${config.method ?? "unknown method"}`);
        if (format === "process") out.data(JSON.stringify(credentialProcessJson(resolved)));
        else if (format === "env") out.data(credentialEnvLines(resolved).join("\n"));
        else out.json(credentialJson(resolved));
        return 0;
      }),
    );
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
