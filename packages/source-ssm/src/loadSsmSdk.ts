import { createRequire } from "node:module";

const requireHere = createRequire(import.meta.url);

/**
 * `@aws-sdk/client-ssm` (an optional peer dependency), with `require` as every SDK package is loaded (see
 * `lazyClient` of @awsconn/aws-source-common): the SSM client and its commands, for this package's
 * sources and its client factory.
 *
 * @example
 * ```ts
 * const sdk = await loadSsmSdk();
 * ```
 */
export async function loadSsmSdk(): Promise<typeof import("@aws-sdk/client-ssm")> {
  return (
    typeof require === "function" ? require("@aws-sdk/client-ssm") : requireHere("@aws-sdk/client-ssm")
  ) as typeof import("@aws-sdk/client-ssm");
}
