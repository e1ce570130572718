import { connIdUnder } from "./airflowNaming/connIdUnder.js";

/**
 * The connection ids of a listing (`ListSecrets`, `GetParametersByPath`): for each page of names
 * (from {@link awsPages} over the SDK's paginator), the id of each name that {@link connIdUnder}
 * accepts. Pages are read only as the caller iterates; a failed page ends the iteration with its
 * error.
 *
 * @example
 * ```ts
 * yield* listConnIds("airflow/connections/", matches, awsPages(call, (abortSignal) =>
 *   paginateListSecrets({ client }, {}, { abortSignal }), (page) => (page.SecretList ?? []).map((s) => s.Name)));
 * ```
 */
export async function* listConnIds(
  head: string,
  matches: (id: string) => boolean,
  pages: AsyncIterable<readonly (string | undefined)[]>,
): AsyncGenerator<string, void, undefined> {
  for await (const names of pages) {
    for (const name of names) {
      const id = connIdUnder(name ?? "", head, matches);
      if (id !== undefined) yield id;
    }
  }
}
