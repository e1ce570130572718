import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { type AwsSourceKit, type NamesToKeys, awsPages, paginatorClient } from "@awsconn/aws-source-common";
import type { SourceCallOptions } from "@awsconn/core";

type SecretsManagerKit = AwsSourceKit<SecretsManagerClient, typeof import("@aws-sdk/client-secrets-manager")>;

/**
 * The listing of one Secrets Manager source, connections or Variables, from its
 * `secretsManagerKit` pieces and `sep`: `ListSecrets` through the SDK's paginator (`awsPages`, 100
 * a page, each under the call deadline), filtered by AWS on the name prefix `<prefix><sep>` when
 * AWS can filter on it (a case-insensitive match: `keysOf` checks the exact head again; an empty
 * prefix lists every secret), the names handed to `keysOf` (`listConnIds` for connections,
 * `listKeysUnder` for Variables). An aborted signal throws; `off` lists nothing without a request;
 * a failed page is the source's failure (`SourceError` naming `ListSecrets` and the head,
 * `AccessDeniedException` included). Secret values are never read.
 *
 * @example
 * ```ts
 * const listSecrets = secretLister({ sdk, client, fail, deadlineMs, prefix, off, sep });
 * const list = (options) => listSecrets(listConnIds, options);
 * ```
 */
export function secretLister(
  kit: Pick<SecretsManagerKit, "sdk" | "client" | "fail" | "deadlineMs" | "prefix" | "off"> & { sep: string },
): (keysOf: NamesToKeys, options?: SourceCallOptions) => AsyncGenerator<string, void, undefined> {
  const { sdk, client, fail, deadlineMs, prefix, off, sep } = kit;
  return async function* list(keysOf, options) {
    const signal = options?.signal;
    signal?.throwIfAborted();
    if (off) return;
    const head = prefix ? `${prefix}${sep}` : "";
    const [{ paginateListSecrets, SecretsManagerClient }, c] = await Promise.all([sdk(), client()]).catch(
      async (error) => {
        throw await fail(error, "ListSecrets", head, signal);
      },
    );
    // The name filter is a case-insensitive prefix match with a restricted alphabet: filter here too.
    const filters = head && FILTERABLE.test(head) ? [{ Key: "name" as const, Values: [head] }] : undefined;
    const pages = awsPages(
      { deadlineMs, signal, fail: (error) => fail(error, "ListSecrets", head, signal) },
      (abortSignal) =>
        paginateListSecrets(
          { client: paginatorClient(SecretsManagerClient, c), pageSize: 100 },
          { Filters: filters },
          { abortSignal },
        ),
      (page) => (page.SecretList ?? []).map((s) => s.Name),
    );
    yield* keysOf(head, pages);
  };
}

/** Characters AWS accepts in a ListSecrets name filter value. */
const FILTERABLE = /^[a-zA-Z0-9 :_@/+=.-]*$/;
