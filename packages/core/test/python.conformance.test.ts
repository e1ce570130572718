// Runs every CPython answer in conformance/vectors/python.json (written by
// conformance/generate_python.py) through the ports in src/python/. Each vector is its own test;
// any difference from Python (a value, an error where Python has none, or none where it raises)
// fails. The ports decide the Airflow URI/JSON codec, so they must answer exactly as Python does.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { pyFloatRepr } from "../src/python/pyFloatRepr.js";
import { pyIntOfString } from "../src/python/pythonInt.js";
import { isValidBracketedHost } from "../src/python/pythonIpAddress.js";
import { pyJsonLoads } from "../src/python/pythonJson.js";
import { pyJsonDumps, pyToPlain } from "../src/python/pythonJsonDumps.js";
import { parseQsl, quote, quotePlus, unquote, urlencode } from "../src/python/pythonQuote.js";
import { isPythonWhitespace, PYTHON_WHITESPACE, pythonStrip } from "../src/python/pythonStrip.js";
import { netlocHostname, netlocPort, netlocUserinfo, urlsplit } from "../src/python/urlsplit.js";

interface PyCase {
  id: string;
  function: string;
  input: unknown;
  expected: unknown;
  error: { type: string; message: string } | null;
}

interface SplitExpected {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  fragment: string;
  username: string | null;
  password: string | null;
  hostname: string | null;
  port: number | null;
  port_error: { type: string; message: string } | null;
}

// The file holds a lone surrogate (escaped): read it with the port's own reader, as Python wrote it.
const vectors = pyToPlain(
  pyJsonLoads(readFileSync(new URL("../../../conformance/vectors/python.json", import.meta.url), "utf8")),
) as { python_version: string; isspace: number[]; cases: PyCase[] };

function splitOf(url: string): SplitExpected {
  const s = urlsplit(url);
  const { username, password } = netlocUserinfo(s.netloc);
  let port: number | null = null;
  let portError: SplitExpected["port_error"] = null;
  try {
    port = netlocPort(s.netloc);
  } catch (error) {
    portError = { type: "ValueError", message: String(error) };
  }
  return { ...s, username, password, hostname: netlocHostname(s.netloc), port, port_error: portError };
}

/** Each port's answer for one case's input: throws where Python raised. */
const PORTS: Record<string, (input: unknown) => unknown> = {
  "str.strip": (input) => pythonStrip(input as string),
  int: (input) => {
    const n = pyIntOfString(input as string);
    if (n === null) throw new Error("not an int");
    return String(n);
  },
  urlsplit: (input) => splitOf(input as string),
  quote: (input) => quote(input as string),
  quote_plus: (input) => quotePlus(input as string),
  unquote: (input) => unquote(input as string),
  parse_qsl: (input) => parseQsl(input as string),
  urlencode: (input) => urlencode(input as [string, string][]),
  json: (input) => pyJsonDumps(pyJsonLoads(input as string)),
  "float.repr": (input) => pyFloatRepr(input as number),
  bracketed_host: (input) => {
    if (!isValidBracketedHost(input as string)) throw new Error("invalid bracketed host");
    return true;
  },
};

function check(c: PyCase): void {
  const port = PORTS[c.function];
  if (!port) throw new Error(`no port for ${c.function}`);
  let actual: unknown;
  let error: unknown;
  try {
    actual = port(c.input);
  } catch (e) {
    error = e;
  }
  if (c.error) {
    expect(error, `Python raised ${c.error.type}: ${c.error.message}; the port answered`).toBeDefined();
    // json.loads errors carry Python's exact message and position (JsonProblem copies JSONDecodeError).
    if (c.error.type === "JSONDecodeError") expect((error as Error).message).toBe(c.error.message);
    return;
  }
  if (error) throw error;
  if (c.function === "urlsplit") {
    const expected = c.expected as SplitExpected;
    const got = actual as SplitExpected;
    expect({ ...got, port_error: got.port_error !== null }).toEqual({
      ...expected,
      port_error: expected.port_error !== null,
    });
    return;
  }
  expect(actual).toEqual(c.expected);
}

describe("CPython conformance of core's ports (python.json)", () => {
  test("the vectors were written by CPython 3.11, the version Airflow's vectors used", () => {
    expect(vectors.python_version).toMatch(/^3\.11\./);
    expect(vectors.cases.length).toBeGreaterThan(1000);
  });

  test("PYTHON_WHITESPACE is exactly str.isspace() over every code point", () => {
    expect([...PYTHON_WHITESPACE].map((ch) => ch.codePointAt(0))).toEqual(vectors.isspace);
    const space = new Set(vectors.isspace);
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (isPythonWhitespace(ch) !== space.has(cp)) throw new Error(`U+${cp.toString(16)} differs`);
    }
  });

  test.each(vectors.cases.map((c) => [`${c.id} ${JSON.stringify(c.input).slice(0, 60)}`, c] as const))(
    "%s",
    (_title, c) => check(c),
  );
});
