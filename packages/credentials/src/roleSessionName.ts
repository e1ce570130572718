/**
 * STS limit on `RoleSessionName` length.
 *
 * @example
 * ```ts
 * roleSessionName("x".repeat(100)).length <= ROLE_SESSION_NAME_MAX_LENGTH; // true
 * ```
 */
export const ROLE_SESSION_NAME_MAX_LENGTH = 64;

// Letters that NFKD does not decompose, spelled in ASCII as the Python `unidecode` package spells them.
const TRANSLITERATIONS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "Th",
  ł: "l",
  Ł: "L",
  ı: "i",
  // NFKD spells ½ as 1⁄2 (U+2044 FRACTION SLASH); unidecode spells the slash "/", which the slug turns into "-".
  "\u2044": "/",
  "€": "EUR",
  "°": "deg",
};

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

function toAscii(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/\P{ASCII}/gu, (ch) => TRANSLITERATIONS[ch] ?? "");
}

function decodeEntities(text: string): string {
  return text
    .replace(/&([a-zA-Z]+);/g, (m, name: string) => NAMED_ENTITIES[name] ?? m)
    .replace(/&#(\d+);/g, (m, dec: string) => safeFromCodePoint(Number.parseInt(dec, 10)) ?? m)
    .replace(/&#x([\da-fA-F]+);/g, (m, hex: string) => safeFromCodePoint(Number.parseInt(hex, 16)) ?? m);
}

function safeFromCodePoint(code: number): string | undefined {
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/**
 * Airflow's slug for STS session names: `python-slugify`'s `slugify(text, regex_pattern=r"[^\w+=,.@-]+")`
 * as `BaseSessionFactory._strip_invalid_session_name_characters` calls it.
 *
 * Steps, in slugify's order: `'` -> `-`; NFKD and transliteration to ASCII; HTML entities decoded;
 * lowercased; commas between digits removed; every run of characters outside `[\w+=,.@-]` becomes `-`;
 * runs of `-` collapse to one; `-` trimmed from both ends.
 *
 * Transliteration covers accented Latin letters (NFKD) and the common ligatures and special letters;
 * other non-ASCII characters (which `unidecode` would spell phonetically) are dropped.
 *
 * @example
 * ```ts
 * airflowSlug("Airflow_aws/test");   // "airflow_aws-test"
 * airflowSlug("Airflow_Team.ETL#1"); // "airflow_team.etl-1"
 * ```
 */
export function airflowSlug(text: string): string {
  let t = text.replace(/'+/g, "-");
  t = toAscii(t);
  t = decodeEntities(t);
  t = t.normalize("NFKD").toLowerCase();
  t = t.replace(/'+/g, "");
  t = t.replace(/(?<=\d),(?=\d)/g, "");
  t = t.replace(/[^\p{L}\p{N}_+=,.@-]+/gu, "-");
  return t.replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
}

/**
 * The `RoleSessionName` Airflow sends to STS for a connection: the slug of `Airflow_<conn_id>`
 * (see {@link airflowSlug}). STS allows at most 64 characters; Airflow sends longer names anyway
 * (and STS rejects them), awsconn cuts them to 64.
 *
 * @example
 * ```ts
 * roleSessionName("aws/test");   // "airflow_aws-test"
 * roleSessionName("Team.ETL#1"); // "airflow_team.etl-1"
 * ```
 */
export function roleSessionName(connId: string): string {
  return airflowSlug(`Airflow_${connId}`).slice(0, ROLE_SESSION_NAME_MAX_LENGTH).replace(/-+$/, "");
}
