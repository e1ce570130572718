import { describe, expect, it } from "vitest";
import { parseYamlText } from "./parseYamlText.js";
import { setYamlEntry } from "./setYamlEntry.js";

const read = (text: string) => parseYamlText(text).value as Record<string, Record<string, unknown>>;

// Strings YAML readers resolve to something else when written plain, or cannot hold plain.
const AWKWARD = [
  ...["no", "No", "NO", "off", "OFF", "yes", "Yes", "on", "On", "y", "Y", "n", "N", "true", "False"],
  ...["~", "null", "Null", "NULL", "", "=", "<<", "1:20", "190:20:30", "1:20.5", "1_000", "0b101"],
  ...["0x1F", "0o17", "017", "08", "1e3", "1.0e+3", ".5", "._", "0b_", ".inf", "-.inf", ".nan", "123"],
  ...["-1", "+1", "1.5", "-0", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5"],
  ...["!tag", "&anchor", "*alias", "- item", "? key", ": x", "#c", "a #b", "a: b", "[x]", "{x}", "'q'"],
  ...['"q"', "|", ">", "%x", "@x", "`x`", " leading", "trailing ", "\ttab", "multi\nline", "crlf\r\n"],
  ...["a\u0085b", "a\u2028b", "a\u2029b", "\u00a0nbsp", "\ufeffbom", "del\u007f", "c1\u009b", "nul\u0000"],
  ...["\u0001", "é日本😀", "lone \ud800 surrogate", "x".repeat(300), "word ".repeat(40).trim()],
];

describe("setYamlEntry: every value reads back the same", () => {
  it.each(AWKWARD.map((s) => [JSON.stringify(s), s]))("%s as password, host, extra key and value", (_, s) => {
    const fields = { conn_type: "http", password: s, host: s, extra: { [s]: s, list: [s, { [s]: s }] } };
    const text = setYamlEntry("", "conn", fields);
    expect(read(text).conn).toEqual(fields);
  });

  it("numbers, booleans and null keep their type (PyYAML needs 1.0e-07, not 1e-7)", () => {
    const extra = { a: 1e-7, b: 1e21, c: 0.1, d: -3, e: 2 ** 60, f: 1.5e300, g: true, h: false, i: null };
    const text = setYamlEntry("", "n", { port: 5432, extra });
    expect(text).toContain("a: 1.0e-7\n");
    expect(text).toContain("b: 1.0e+21\n");
    expect(read(text).n).toEqual({ port: 5432, extra });
    expect(read(setYamlEntry("", "n", { extra: { x: Number.NaN, y: -Infinity } })).n?.extra).toEqual({
      x: Number.NaN,
      y: -Infinity,
    });
  });

  it("quotes an id that would not read back as a string key", () => {
    for (const id of ["no", "1:20", "1_000", "2001-12-14", ".inf", "123", "017", "true"]) {
      expect(Object.keys(read(setYamlEntry("", id, { conn_type: "http" })))).toEqual([id]);
    }
  });
});

describe("setYamlEntry: the rest of the file stays byte for byte", () => {
  const head = "# connections\n\nfirst: http://a   # a comment\n\n";
  const old = "warehouse:    # the warehouse\n  conn_type: postgres\n  host: old\n";
  const tail =
    '\n# more below\n"bad id": http://x\nbase: &b\n  conn_type: http\nmerged:\n  <<: *b\n  host: h\nlast: x';

  it("replaces only the lines of the entry", () => {
    const text = setYamlEntry(`${head}${old}${tail}`, "warehouse", { conn_type: "mysql", host: "new" });
    expect(text).toBe(`${head}warehouse:\n  conn_type: mysql\n  host: new\n${tail}`);
  });

  it("adds a new entry after the last one, before trailing comments, at the file's indentation", () => {
    expect(setYamlEntry(`${head}${old}${tail}`, "added", { host: "h" })).toBe(
      `${head}${old}${tail}\nadded:\n  host: h\n`,
    );
    expect(setYamlEntry("  a: x\n  b: y\n# end\n", "c", { host: "h" })).toBe(
      "  a: x\n  b: y\n  c:\n    host: h\n# end\n",
    );
    expect(setYamlEntry("# only a comment\n", "c", { host: "h" })).toBe("# only a comment\nc:\n  host: h\n");
  });

  it("a repeated key: the last one (the one PyYAML reads) is replaced", () => {
    expect(setYamlEntry("a: http://one\nb: x\na: http://two\n", "a", { host: "h" })).toBe(
      "a: http://one\nb: x\na:\n  host: h\n",
    );
  });

  it("keeps CRLF line ends", () => {
    expect(setYamlEntry("a: x\r\nb: y\r\n", "a", { host: "h", port: 1 })).toBe(
      "a:\r\n  host: h\r\n  port: 1\r\nb: y\r\n",
    );
  });

  it("refuses a flow mapping at the top level", () => {
    expect(() => setYamlEntry("{a: b}\n", "c", { host: "h" })).toThrow(/flow mapping/);
  });
});
