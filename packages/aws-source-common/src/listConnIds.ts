import { isValidConnId } from "@awsconn/core";
import { listKeysUnder } from "./listKeysUnder.js";

/**
 * The stored connection ids of a listing (`ListSecrets`, `GetParametersByPath`): {@link listKeysUnder}
 * keeping the ids that pass Airflow's conn-id rule (team-scoped names `<team>--<id>` included).
 * The lookup pattern is not applied here: it is asked about the id a caller looks up, after the
 * team's view is taken (`awsTeamNames.visible`), and the id manifest needs the team-scoped names.
 * Pages are read only as the caller iterates; a failed page ends the iteration with its error.
 *
 * @example
 * ```ts
 * yield* listConnIds("airflow/connections/", awsPages(call, (abortSignal) =>
 *   paginateListSecrets({ client }, {}, { abortSignal }), (page) => (page.SecretList ?? []).map((s) => s.Name)));
 * ```
 */
export function listConnIds(
  head: string,
  pages: AsyncIterable<readonly (string | undefined)[]>,
): AsyncGenerator<string, void, undefined> {
  return listKeysUnder(head, isValidConnId, pages);
}
