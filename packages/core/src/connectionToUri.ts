import type { Connection } from "./Connection.js";
import { airflowExtraOf } from "./airflowExtra.js";
import { toFormatError } from "./codecError.js";
import { assertUtf8Encodable, parseQsl, quote, urlencode } from "./python/pythonQuote.js";

const EXTRA_KEY = "__extra__";

/** The extra as query pairs when every value is a string and survives a query round trip, else `null`. */
function flatQuery(entries: [string, string][]): string | null {
  const query = urlencode(entries);
  if (!query) return null;
  const back = new Map(parseQsl(query));
  if (back.size !== entries.length) return null;
  return entries.every(([k, v]) => back.get(k) === v) ? query : null;
}

/**
 * Serialises a connection to the exact string Airflow 3's `Connection.get_uri()` gives:
 * the type lower-cased with `_` as `-`; a host's own protocol (`k8s://...`) kept after the type
 * (or the whole host encoded when its protocol equals the type); login, password, host and schema
 * encoded with Python's `quote(safe="")` (only `A-Za-z0-9_.-~` stay bare); port `0` omitted;
 * string-only extras as `?k=v` pairs, any other extra as `?__extra__=<json>`.
 *
 * A connection parsed by awsconn keeps Airflow's extra text, so `__extra__` carries it verbatim;
 * for an extra built in JavaScript the JSON is written as Python's `json.dumps` would.
 *
 * @throws ConnectionFormatError where Airflow's `get_uri()` raises (a field holding a lone UTF-16
 *   surrogate, which cannot be UTF-8 encoded).
 *
 * @example
 * ```ts
 * connectionToUri(createConnection({ connId: "x", connType: "aws", login: "AKIA", password: "a/b", extra: { region_name: "eu-west-1" } }));
 * // "aws://AKIA:a%2Fb@/?region_name=eu-west-1"
 * ```
 */
export function connectionToUri(c: Connection): string {
  try {
    return airflowUri(c);
  } catch (e) {
    return toFormatError(e, "URI", c.connId);
  }
}

function airflowUri(c: Connection): string {
  let uri = c.connType ? `${c.connType.toLowerCase().replaceAll("_", "-")}://` : "//";
  let hostToUse = c.host;
  let protocolToAdd: string | undefined;
  if (c.host?.includes("://")) {
    const sep = c.host.indexOf("://");
    const protocol = c.host.slice(0, sep);
    if (protocol !== c.connType) {
      hostToUse = c.host.slice(sep + 3);
      protocolToAdd = protocol;
    }
  }
  if (protocolToAdd) uri += `${protocolToAdd}://`;
  let authority = "";
  if (c.login !== undefined && c.login !== null) authority += quote(c.login);
  if (c.password !== undefined && c.password !== null) authority += `:${quote(c.password)}`;
  if (authority) {
    authority += "@";
    uri += authority;
  }
  let hostBlock = hostToUse ? quote(hostToUse) : "";
  if (c.port) hostBlock += hostBlock === "" && authority === "" ? `@:${c.port}` : `:${c.port}`;
  if (c.schema) hostBlock += `/${quote(c.schema)}`;
  uri += hostBlock;
  const extra = airflowExtraOf(c.extra);
  if (extra) {
    const prefix = c.schema ? "?" : "/?";
    const entries: [string, string][] = [];
    let canFlatten = extra.tree.t === "dict";
    if (extra.tree.t === "dict") {
      for (const [k, v] of extra.tree.v) {
        // Airflow runs urlencode(extra) even when it cannot flatten: unencodable text raises there.
        assertUtf8Encodable(k);
        if (v.t === "str") {
          assertUtf8Encodable(v.v);
          entries.push([k, v.v]);
        } else canFlatten = false;
      }
    }
    const flat = canFlatten ? flatQuery(entries) : null;
    uri += prefix + (flat ?? urlencode([[EXTRA_KEY, extra.text]]));
  }
  return uri;
}
