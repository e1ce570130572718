// Shorter than this, V8 copies a substring rather than pointing into its parent, so a kept string
// never holds on to the text it was read from (a whole secret value).
export const INTERN_MAX_LENGTH = 12;
const MAX_ENTRIES = 256;
const pool = new Map<string, string>();

/**
 * One copy of a short non-secret value however many connections hold it (as `JSON.parse` shares
 * its short strings): conn types, schemas, extra settings such as `sslmode: "require"` or
 * `region_name: "eu-west-1"`. Values longer than 12 characters, and any value once 256 are kept,
 * are returned as they are. Never give it a secret: kept values live as long as the process.
 *
 * @example
 * ```ts
 * internText("postgres") === internText(["post", "gres"].join("")); // the same string object
 * ```
 */
export function internText(value: string): string {
  if (value.length > INTERN_MAX_LENGTH) return value;
  const known = pool.get(value);
  if (known !== undefined) return known;
  if (pool.size < MAX_ENTRIES) pool.set(value, value);
  return value;
}

/**
 * The kept copy of `value` when {@link internText} keeps one, else `undefined`; keeps nothing new
 * (so it may be asked about any value, a secret's too).
 *
 * @example
 * ```ts
 * sharedText("postgres"); // "postgres" once a connection of that type was read, else undefined
 * ```
 */
export function sharedText(value: string): string | undefined {
  return value.length > INTERN_MAX_LENGTH ? undefined : pool.get(value);
}

/**
 * `value` as a string of its own. From 13 characters on (longer than {@link INTERN_MAX_LENGTH}),
 * V8's `slice` gives a view into the whole string it was cut from, and `+` a pair that holds its
 * parts: a parsed field kept in a cache would keep the whole text it came from alive (a cached
 * Secrets Manager connection, its whole SecretString). A shorter value is already a copy.
 *
 * @example
 * ```ts
 * const host = ownText(uri.slice(11, 40)); // keeps 29 characters, not the whole URI
 * ```
 */
export function ownText(value: string): string {
  return value.length > INTERN_MAX_LENGTH ? (JSON.parse(JSON.stringify(value)) as string) : value;
}
