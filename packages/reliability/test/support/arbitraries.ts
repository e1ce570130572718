import { type Connection, createConnection } from "@awsconn/core";
import fc from "fast-check";

/** Any Unicode text, ASCII-heavy so URI metacharacters (`:/@?#%+&=[]`) show up often. */
export const text = (maxLength = 24) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.string({ unit: fc.constantFrom(..."aB9:/@?#%+&=[] ._~-\\'\"\t{}é日😀"), maxLength }),
    },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength }) },
  );

/** A connection id Airflow and awsconn accept (no `/`-separated `..` segment). */
export const connId = fc
  .stringMatching(/^[A-Za-z0-9_#!().:\-/\\]{1,60}$/)
  .filter((id) => !id.split(/[/\\]/).includes(".."));

/** A normalised conn type: a URI scheme (`[a-z][a-z0-9+.]*`, `_` for `-`), never `postgresql`. */
export const connType = fc.stringMatching(/^[a-z][a-z0-9_+.]{0,15}$/).filter((t) => t !== "postgresql");

/**
 * Whether Python's `json.loads` accepts `s`: such a string, written as a plain query value, comes
 * back from Airflow's URI parser as a JSON value (`"1"` -> 1), so it is not a round-trip case.
 */
export function isPythonJson(s: string): boolean {
  if (/^\s*-?(Infinity|NaN)\s*$/.test(s)) return true;
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

const jsonLeaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
  fc.boolean(),
  fc.constant(null),
);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    jsonLeaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie("value"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/**
 * A valid extra: either only strings that Airflow's parser keeps as strings (they travel as
 * `?k=v`), or any JSON (it travels as `?__extra__=<json>`). Never the reserved key `__extra__`.
 */
export const extra = fc.oneof(
  fc.dictionary(
    text().filter((k) => k !== "__extra__"),
    text().filter((v) => !isPythonJson(v)),
    { maxKeys: 5, noNullPrototype: true },
  ),
  fc
    .dictionary(
      fc.string().filter((k) => k !== "__extra__"),
      jsonValue,
      { minKeys: 1, maxKeys: 5, noNullPrototype: true },
    )
    .filter((d) => Object.values(d).some((v) => typeof v !== "string")),
);

/**
 * A host as Airflow gives it back: lower-case ASCII letters unless it holds a `/`; `://` only as
 * `proto://rest` with a scheme-like `proto` (Airflow splits any other `://` host apart).
 */
const host = fc.oneof(
  {
    weight: 5,
    arbitrary: text()
      .filter((h) => !h.includes("://"))
      .map((h) => (h.includes("/") ? h : h.replace(/[A-Z]/g, (c) => c.toLowerCase()))),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), fc.constantFrom("http", "https", "aws", "a")),
        text().filter((r) => r.length > 0 && !r.includes("://")),
      )
      .map(([p, r]) => `${p}://${r.includes("/") ? r : r.replace(/[A-Z]/g, (c) => c.toLowerCase())}`),
  },
);

/**
 * A connection in the normal form Airflow's URI parser produces, so that
 * `parseConnectionUri(connectionToUri(c), c.connId)` must give `c` back:
 * - `connType` set (no type reads back as `""`); `host` and `schema` are strings (absent read back as `""`);
 * - a password only with a login (`:pw@` reads back login `""`); no empty login without a password;
 * - a port 1..65535 (0 is dropped), and only with a host or login (`@:5432` reads back login `""`);
 * - no `description` (the URI has no place for it).
 */
export const validConnection: fc.Arbitrary<Connection> = fc
  .record({
    connId,
    connType,
    host,
    login: fc.option(text(), { nil: undefined }),
    password: fc.option(
      text().filter((p) => p.length > 0),
      { nil: undefined },
    ),
    schema: text(),
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    extra,
  })
  .map((f) => {
    const login = f.password !== undefined ? (f.login ?? "") : f.login === "" ? undefined : f.login;
    const port = f.host === "" && login === undefined ? undefined : f.port;
    return createConnection({ ...f, login, port });
  })
  // Airflow removes every `<type>://` from the URI before reading the host's own protocol, so a
  // protocol ending in the type (`ae://` for type `e`) breaks apart (its documented `http://http://` quirk).
  .filter((c) => {
    const sep = (c.host ?? "").indexOf("://");
    if (sep < 0) return true;
    const protocol = (c.host ?? "").slice(0, sep);
    return protocol === c.connType || !`${protocol}://`.includes(`${c.connType}://`);
  });

/**
 * A connection in the normal form Airflow's `from_json` produces, so that
 * `parseConnectionJson(connectionToJson(c), c.connId)` must give `c` back: any text fields
 * (description included, no lower-casing), a non-empty type (Airflow reads `""` as no type) without
 * `-` and never `postgresql`, a port 1..65535
 * (0 is dropped as falsy), a non-empty password, any JSON extra.
 */
export const validJsonConnection: fc.Arbitrary<Connection> = fc
  .record(
    {
      connId,
      connType: fc.string({ minLength: 1 }).filter((t) => !t.includes("-") && t !== "postgresql"),
      host: text(),
      login: text(),
      password: text().filter((p) => p.length > 0),
      schema: text(),
      port: fc.integer({ min: 1, max: 65535 }),
      description: text(),
      extra: fc.dictionary(fc.string(), jsonValue, { maxKeys: 5, noNullPrototype: true }),
    },
    { requiredKeys: ["connId", "extra"] },
  )
  .map((f) => createConnection(f));
