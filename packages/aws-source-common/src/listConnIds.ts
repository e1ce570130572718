import { connIdUnder } from "./airflowNaming/connIdUnder.js";

/** One page of a listing: the names on it, and the token of the next page (none on the last). */
export interface NamePage {
  names: readonly (string | undefined)[];
  nextToken?: string;
}

/**
 * The connection ids of a paginated listing (`ListSecrets`, `GetParametersByPath`): fetches page
 * after page, following `nextToken`, only as the caller iterates, and yields the id of each name
 * that {@link connIdUnder} accepts. A failed page fetch ends the iteration with its error.
 *
 * @example
 * ```ts
 * yield* listConnIds("airflow/connections/", matches, async (nextToken) => {
 *   const page = await client.send(new ListSecretsCommand({ NextToken: nextToken }));
 *   return { names: (page.SecretList ?? []).map((s) => s.Name), nextToken: page.NextToken };
 * });
 * ```
 */
export async function* listConnIds(
  head: string,
  matches: (id: string) => boolean,
  fetchPage: (nextToken: string | undefined) => Promise<NamePage>,
): AsyncGenerator<string, void, undefined> {
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    for (const name of page.names) {
      const id = connIdUnder(name ?? "", head, matches);
      if (id !== undefined) yield id;
    }
    nextToken = page.nextToken;
  } while (nextToken);
}
