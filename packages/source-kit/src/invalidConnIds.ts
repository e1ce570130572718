/**
 * Ids every `ConnectionSource` must refuse with `InvalidConnIdError` before any lookup: path
 * tricks (`../x`), the empty id, an id over 250 characters, control characters and spaces.
 *
 * @example
 * ```ts
 * import { INVALID_CONN_IDS } from "@awsconn/source-kit";
 * for (const id of INVALID_CONN_IDS) await expect(source.get(id)).rejects.toBeInstanceOf(InvalidConnIdError);
 * ```
 */
export const INVALID_CONN_IDS: readonly string[] = [
  "../x",
  "a/../b",
  "",
  "x".repeat(251),
  "a\nb",
  "a\u0000b",
  "a\u001bb",
  "a\u007fb",
  "a b",
  "a\tb",
];
