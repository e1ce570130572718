// Python's urllib.parse percent-encoding functions, ported for the Airflow URI codec.
// They differ from encodeURIComponent / decodeURIComponent / URLSearchParams on purpose.

import { lazyPattern } from "../lazyPattern.js";
import { CodecProblem } from "../CodecProblem.js";

const encoder = new TextEncoder();
// ignoreBOM: keep a decoded U+FEFF, as Python's bytes.decode("utf-8") does.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const HEX = "0123456789ABCDEF";

function isAlwaysSafe(b: number): boolean {
  return (
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x61 && b <= 0x7a) ||
    b === 0x5f || // _
    b === 0x2e || // .
    b === 0x2d || // -
    b === 0x7e // ~
  );
}

const BARE = /^[A-Za-z0-9_.~-]*$/;
const LONE_SURROGATE = lazyPattern(String.raw`\p{Cs}`, "u");

/**
 * Throws where Python's `quote()` raises UnicodeEncodeError: a lone UTF-16 surrogate (TextEncoder
 * would silently write U+FFFD instead).
 */
export function assertUtf8Encodable(s: string): void {
  if (LONE_SURROGATE().test(s)) {
    throw new CodecProblem(
      "a field holds a lone UTF-16 surrogate, which cannot be encoded as UTF-8",
      "field",
    );
  }
}

function quoteWith(s: string, spaceIsPlus: boolean): string {
  if (BARE.test(s)) return s;
  assertUtf8Encodable(s);
  let out = "";
  for (const b of encoder.encode(s)) {
    if (isAlwaysSafe(b)) out += String.fromCharCode(b);
    else if (spaceIsPlus && b === 0x20) out += "+";
    else out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
}

/**
 * Python's `quote(s, safe="")`: UTF-8, then every byte except `A-Za-z0-9_.-~` as `%XX` (upper case).
 *
 * @example
 * ```ts
 * quote("a b/c"); // "a%20b%2Fc"
 * ```
 */
export function quote(s: string): string {
  return quoteWith(s, false);
}

/** Python's `quote_plus(s, safe="")`: like {@link quote}, but a space becomes `+`. */
export function quotePlus(s: string): string {
  return quoteWith(s, true);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Python's `unquote(s)`: `%XX` escapes inside each run of ASCII characters are decoded as UTF-8
 * bytes (invalid sequences become U+FFFD), non-ASCII characters stay as they are, and a `%` not
 * followed by two hex digits stays literal.
 *
 * @example
 * ```ts
 * unquote("caf%C3%A9%2"); // "café%2"
 * ```
 */
export function unquote(s: string): string {
  if (!s.includes("%")) return s;
  let out = "";
  const bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length === 0) return;
    out += decoder.decode(Uint8Array.from(bytes));
    bytes.length = 0;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      flush();
      out += s[i];
      continue;
    }
    if (c === 0x25) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        bytes.push(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    bytes.push(c);
  }
  flush();
  return out;
}

/**
 * Python's `parse_qsl(qs, keep_blank_values=True)`: split on `&` (empty fields skipped), then
 * on the first `=`; `+` is a space; names and values are {@link unquote}d.
 *
 * @example
 * ```ts
 * parseQsl("a=1&b&c=x+y"); // [["a", "1"], ["b", ""], ["c", "x y"]]
 * ```
 */
export function parseQsl(qs: string): [string, string][] {
  const out: [string, string][] = [];
  if (!qs) return out;
  for (const field of qs.split("&")) {
    if (!field) continue;
    const eq = field.indexOf("=");
    const name = eq === -1 ? field : field.slice(0, eq);
    const value = eq === -1 ? "" : field.slice(eq + 1);
    out.push([unquote(name.replaceAll("+", " ")), unquote(value.replaceAll("+", " "))]);
  }
  return out;
}

/**
 * Python's `urlencode(pairs)` for string pairs: `quote_plus(k)=quote_plus(v)` joined by `&`.
 *
 * @example
 * ```ts
 * urlencode([["a", "x y"], ["b", "&"]]); // "a=x+y&b=%26"
 * ```
 */
export function urlencode(pairs: Iterable<readonly [string, string]>): string {
  const parts: string[] = [];
  for (const [k, v] of pairs) parts.push(`${quotePlus(k)}=${quotePlus(v)}`);
  return parts.join("&");
}
