/**
 * Turns the pages of names of a listing into the ids or keys a source lists, given the head the
 * names must start with: `listConnIds` for connections, {@link listKeysUnder} for Variables.
 *
 * @example
 * ```ts
 * const keysOf: NamesToKeys = (head, pages) => listKeysUnder(head, () => true, pages);
 * ```
 */
export type NamesToKeys = (
  head: string,
  pages: AsyncIterable<readonly (string | undefined)[]>,
) => AsyncIterable<string>;

/**
 * The keys of a listing (`ListSecrets`, `GetParametersByPath`): for each page of names (from
 * `awsPages` over the SDK's paginator), the rest of each name after `head` (the source's prefix
 * and separator), when the name starts with `head`, the rest is not empty and `keeps` accepts it.
 * Pages are read only as the caller iterates; a failed page ends the iteration with its error.
 * Connections keep valid conn ids (`listConnIds`); Variables keep every key. Neither applies the
 * lookup pattern here: the sources ask it about the id or key a caller looks up, after the team's
 * view of the stored names is taken (`awsTeamNames.visible`).
 *
 * @example
 * ```ts
 * yield* listKeysUnder("airflow/variables/", () => true, awsPages(call, (abortSignal) =>
 *   paginateListSecrets({ client }, {}, { abortSignal }), (page) => (page.SecretList ?? []).map((s) => s.Name)));
 * ```
 */
export async function* listKeysUnder(
  head: string,
  keeps: (key: string) => boolean,
  pages: AsyncIterable<readonly (string | undefined)[]>,
): AsyncGenerator<string, void, undefined> {
  for await (const names of pages) {
    for (const name of names) {
      if (name === undefined || !name.startsWith(head)) continue;
      const key = name.slice(head.length);
      if (key !== "" && keeps(key)) yield key;
    }
  }
}
