// Python 3.11's urllib.parse.urlsplit and the SplitResult netloc properties (username,
// password, hostname, port), ported for the Airflow URI codec. WHATWG `URL` differs in many
// places (it rejects or rewrites what Python keeps), so Airflow parity needs this port.
import { CodecProblem } from "../CodecProblem.js";
import { isValidBracketedHost } from "./pythonIpAddress.js";

/** The five parts of Python's `SplitResult`. */
export interface SplitResult {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  fragment: string;
}

function isSchemeChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b || // +
    c === 0x2d || // -
    c === 0x2e // .
  );
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function checkNetlocNfkc(netloc: string): void {
  if (!netloc || isAscii(netloc)) return;
  const n = netloc.replace(/[@:#?]/g, "");
  const normalized = n.normalize("NFKC");
  if (n === normalized) return;
  if (/[/?#@:]/.test(normalized)) {
    throw new CodecProblem(
      "the host part contains characters that turn into '/', '?', '#', '@' or ':' under NFKC normalisation",
      "uri",
    );
  }
}

/**
 * Python's `urlsplit(url)`: leading C0 controls and spaces dropped, tabs and newlines removed,
 * scheme lower-cased, netloc up to the first `/`, `?` or `#`. Throws a {@link CodecProblem} where
 * Python raises `ValueError` (unbalanced brackets, a bad bracketed host, NFKC tricks).
 */
export function urlsplit(input: string): SplitResult {
  let start = 0;
  while (start < input.length && input.charCodeAt(start) <= 0x20) start++;
  let url = input.slice(start).replace(/[\t\r\n]/g, "");
  let scheme = "";
  let netloc = "";
  let query = "";
  let fragment = "";
  const colon = url.indexOf(":");
  if (colon > 0 && isAsciiAlpha(url.charCodeAt(0))) {
    let allSchemeChars = true;
    for (let i = 0; i < colon && allSchemeChars; i++) allSchemeChars = isSchemeChar(url.charCodeAt(i));
    if (allSchemeChars) {
      scheme = url.slice(0, colon).toLowerCase();
      url = url.slice(colon + 1);
    }
  }
  if (url.startsWith("//")) {
    let end = url.length;
    for (const delim of ["/", "?", "#"]) {
      const at = url.indexOf(delim, 2);
      if (at >= 0 && at < end) end = at;
    }
    netloc = url.slice(2, end);
    url = url.slice(end);
    const open = netloc.includes("[");
    const close = netloc.includes("]");
    if (open !== close) throw new CodecProblem("the host part has an unbalanced '[' or ']'", "uri");
    if (open) {
      const afterOpen = netloc.slice(netloc.indexOf("[") + 1);
      const closeAt = afterOpen.indexOf("]");
      const bracketed = closeAt === -1 ? afterOpen : afterOpen.slice(0, closeAt);
      if (!isValidBracketedHost(bracketed)) {
        throw new CodecProblem("the text in '[...]' is not a valid IPv6 or IPvFuture address", "uri");
      }
    }
  }
  const hash = url.indexOf("#");
  if (hash !== -1) {
    fragment = url.slice(hash + 1);
    url = url.slice(0, hash);
  }
  const q = url.indexOf("?");
  if (q !== -1) {
    query = url.slice(q + 1);
    url = url.slice(0, q);
  }
  checkNetlocNfkc(netloc);
  return { scheme, netloc, path: url, query, fragment };
}

/** Python's `SplitResult.username` / `.password` (raw, still percent-encoded; `null` = absent). */
export function netlocUserinfo(netloc: string): { username: string | null; password: string | null } {
  const at = netloc.lastIndexOf("@");
  if (at === -1) return { username: null, password: null };
  const userinfo = netloc.slice(0, at);
  const colon = userinfo.indexOf(":");
  if (colon === -1) return { username: userinfo, password: null };
  return { username: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) };
}

function hostinfo(netloc: string): { hostname: string; port: string | null } {
  const hostpart = netloc.slice(netloc.lastIndexOf("@") + 1);
  const open = hostpart.indexOf("[");
  let hostname: string;
  let port: string;
  if (open !== -1) {
    const bracketed = hostpart.slice(open + 1);
    const close = bracketed.indexOf("]");
    hostname = close === -1 ? bracketed : bracketed.slice(0, close);
    const after = close === -1 ? "" : bracketed.slice(close + 1);
    const colon = after.indexOf(":");
    port = colon === -1 ? "" : after.slice(colon + 1);
  } else {
    const colon = hostpart.indexOf(":");
    hostname = colon === -1 ? hostpart : hostpart.slice(0, colon);
    port = colon === -1 ? "" : hostpart.slice(colon + 1);
  }
  return { hostname, port: port || null };
}

/** Python's `SplitResult.hostname`: lower-cased except an IPv6 zone after `%`; `null` when empty. */
export function netlocHostname(netloc: string): string | null {
  const { hostname } = hostinfo(netloc);
  if (!hostname) return null;
  const percent = hostname.indexOf("%");
  if (percent === -1) return hostname.toLowerCase();
  return hostname.slice(0, percent).toLowerCase() + hostname.slice(percent);
}

/**
 * Python's `SplitResult.port`: ASCII digits in 0..65535, `null` when absent. The error never
 * repeats the port text: when a login has a `:` but no `@` follows, the "port" is a password.
 */
export function netlocPort(netloc: string): number | null {
  const { port } = hostinfo(netloc);
  if (port === null) return null;
  if (!/^[0-9]+$/.test(port)) {
    throw new CodecProblem(
      "the port is not a number (an unescaped ':', '@', '/' or '#' in the login or password can cause this)",
      "port",
    );
  }
  const digits = port.replace(/^0+(?=.)/, "");
  const value = digits.length > 5 ? Number.POSITIVE_INFINITY : Number(digits);
  if (value > 65535) throw new CodecProblem("the port is out of range 0-65535", "port");
  return value;
}
