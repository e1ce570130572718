import { isValidConnId } from "@awsconn/core";
import { listKeysUnder } from "./listKeysUnder.js";

/**
 * The connection ids of a listing (`ListSecrets`, `GetParametersByPath`): {@link listKeysUnder}
 * keeping the ids that pass Airflow's conn-id rule and the lookup pattern (as `connIdUnder`), the
 * only ones `get` would look up. Pages are read only as the caller iterates; a failed page ends
 * the iteration with its error.
 *
 * @example
 * ```ts
 * yield* listConnIds("airflow/connections/", matches, awsPages(call, (abortSignal) =>
 *   paginateListSecrets({ client }, {}, { abortSignal }), (page) => (page.SecretList ?? []).map((s) => s.Name)));
 * ```
 */
export function listConnIds(
  head: string,
  matches: (id: string) => boolean,
  pages: AsyncIterable<readonly (string | undefined)[]>,
): AsyncGenerator<string, void, undefined> {
  return listKeysUnder(head, (id) => isValidConnId(id) && matches(id), pages);
}
