// Airflow's Connection._parse_from_uri (airflow-core models/connection.py), step by step.
import type { AirflowFields } from "./airflowFields.js";
import type { ConnectionParser } from "./ConnectionParser.js";
import { CodecProblem } from "./CodecProblem.js";
import { ownText } from "./internText.js";
import { normalizeConnType } from "./normalizeConnType.js";
import { type PyValue, pyJsonTryLoads } from "./python/pythonJson.js";
import { parseQsl, unquote } from "./python/pythonQuote.js";
import { netlocHostname, netlocPort, netlocUserinfo, type SplitResult, urlsplit } from "./python/urlsplit.js";

const EXTRA_KEY = "__extra__";

function countOf(s: string, needle: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i !== -1; i = s.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Airflow's `_parse_netloc_to_hostname`: urlsplit's lower-cased hostname, unless it holds a `/`. */
function hostnameOf(parts: SplitResult): string {
  let hostname = unquote(netlocHostname(parts.netloc) ?? "");
  if (hostname.includes("/")) {
    hostname = parts.netloc;
    if (hostname.includes("@")) hostname = hostname.slice(hostname.lastIndexOf("@") + 1);
    if (hostname.includes(":")) hostname = hostname.slice(0, hostname.indexOf(":"));
    hostname = unquote(hostname);
  }
  return hostname;
}

/**
 * Airflow's `path[1:]` drops one code point: two UTF-16 units when the path starts with a
 * character beyond U+FFFF (a path without a leading `/`, as in `t://😀x://h`).
 */
function firstCodePointLength(s: string): number {
  const c = s.charCodeAt(0);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const d = s.charCodeAt(1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Each non-empty query value that is JSON becomes that JSON value (Airflow 3), else stays a string. */
function queryValue(value: string): PyValue {
  if (!value) return { t: "str", v: value };
  try {
    return pyJsonTryLoads(value) ?? { t: "str", v: ownText(value) };
  } catch {
    throw new CodecProblem("a query value nests JSON too deeply", "extra");
  }
}

/**
 * The fields Airflow's `Connection(uri=uri)` sets (for a non-empty `uri`); query values are JSON
 * to the server's parser and stay strings to the Task SDK's.
 */
export function parseUriFields(uri: string, parser: ConnectionParser): AirflowFields {
  const schemes = countOf(uri, "://");
  if (schemes > 2) throw new CodecProblem("it contains '://' more than twice", "uri");
  const hostWithProtocol = schemes === 2;
  const rawType = urlsplit(uri).scheme;
  const connType = normalizeConnType(rawType);
  const rest = uri.split(`${rawType}://`).join(hostWithProtocol ? "" : "//");
  if (hostWithProtocol) {
    const sep = rest.indexOf("://");
    const protocolPart = sep === -1 ? rest : rest.slice(0, sep);
    if (protocolPart.includes("@") || protocolPart.includes(":")) {
      throw new CodecProblem(
        "the host's protocol ('<type>://<protocol>://...') must not contain '@' or ':'; put the login after the second '://'",
        "uri",
      );
    }
  }
  const parts = urlsplit(rest);
  const protocol = hostWithProtocol ? parts.scheme : null;
  const host = hostnameOf(parts);
  const quotedSchema = parts.path.slice(firstCodePointLength(parts.path));
  const { username, password } = netlocUserinfo(parts.netloc);
  // Each field a string of its own, not a view into the URI (ownText): a cached connection must not keep it.
  const fields: AirflowFields = {
    connType,
    host: host && ownText(protocol ? `${protocol}://${host}` : host),
    schema: quotedSchema && ownText(unquote(quotedSchema)),
    login: username && ownText(unquote(username)),
    password: password && ownText(unquote(password)),
    port: netlocPort(parts.netloc),
  };
  if (parts.query) {
    const query = new Map<string, string>(parseQsl(parts.query));
    if (query.has(EXTRA_KEY)) {
      fields.extraText = query.get(EXTRA_KEY) ?? null;
    } else {
      const dict = new Map<string, PyValue>();
      for (const [k, v] of query)
        dict.set(k, parser === "task" ? { t: "str", v: ownText(v) } : queryValue(v));
      const tree: PyValue = { t: "dict", v: dict };
      fields.extraTree = tree;
    }
  }
  return fields;
}
