import type { SSMClient } from "@aws-sdk/client-ssm";
import { type AwsSourceKit, type NamesToKeys, awsPages, paginatorClient } from "@awsconn/aws-source-common";
import type { SourceCallOptions } from "@awsconn/core";
import { parameterNameFor } from "./parameterNameFor.js";

type SsmKit = AwsSourceKit<SSMClient, typeof import("@aws-sdk/client-ssm")>;

/**
 * The listing of one SSM source, connections or Variables, from its `awsSourceKit` pieces:
 * `GetParametersByPath(Path = prefix, Recursive = true, WithDecryption = false)` through the SDK's
 * paginator (`awsPages`, each page under the call deadline), the names handed to `keysOf` with the
 * head they must start with (`listConnIds` for connections, `listKeysUnder` for Variables). An
 * aborted signal throws; `off` lists nothing without a request; a failed page is the source's
 * failure (`SourceError` naming `GetParametersByPath` and the path, `AccessDeniedException`
 * included). Values are never decrypted.
 *
 * @example
 * ```ts
 * const listParameters = parameterLister({ sdk, client, fail, deadlineMs, prefix, off });
 * const list = (options) => listParameters(listConnIds, options);
 * ```
 */
export function parameterLister(
  kit: Pick<SsmKit, "sdk" | "client" | "fail" | "deadlineMs" | "prefix" | "off">,
): (keysOf: NamesToKeys, options?: SourceCallOptions) => AsyncGenerator<string, void, undefined> {
  const { sdk, client, fail, deadlineMs, prefix, off } = kit;
  return async function* list(keysOf, options) {
    const signal = options?.signal;
    signal?.throwIfAborted();
    if (off) return;
    const path = parameterNameFor(prefix, "").replace(/\/$/, "") || "/";
    const head = path === "/" ? "/" : `${path}/`;
    const [{ paginateGetParametersByPath, SSMClient }, c] = await Promise.all([sdk(), client()]).catch(
      async (error) => {
        throw await fail(error, "GetParametersByPath", path, signal);
      },
    );
    const pages = awsPages(
      { deadlineMs, signal, fail: (error) => fail(error, "GetParametersByPath", path, signal) },
      (abortSignal) =>
        paginateGetParametersByPath(
          { client: paginatorClient(SSMClient, c) },
          { Path: path, Recursive: true, WithDecryption: false },
          { abortSignal },
        ),
      (page) => (page.Parameters ?? []).map((p) => p.Name),
    );
    yield* keysOf(head, pages);
  };
}
