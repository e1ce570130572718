import fc from "fast-check";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { PYYAML_DOCUMENT_OPTIONS, parseYamlWithPackage } from "./parseYamlText.js";
import { readPlainYaml } from "./readPlainYaml.js";

// The two ways awsconn reads YAML: the configuration file (YAML 1.2, the yaml package's defaults)
// and connections files (PyYAML's YAML 1.1). Whatever readPlainYaml reads, both must read alike.
const MODES = {
  "YAML 1.2 (configuration)": {},
  "PyYAML 1.1 (connections)": PYYAML_DOCUMENT_OPTIONS,
} as const;

/** The yaml package's value of `text`, or `undefined` when it reports an error. */
function packageValue(text: string, options: object): { value: unknown } | undefined {
  const doc = parseDocument(text, { ...options, logLevel: "silent" });
  if (doc.errors.length > 0) return undefined;
  return { value: doc.toJS() };
}

function expectSameAsPackage(text: string) {
  const plain = readPlainYaml(text);
  if (plain === undefined) return false;
  for (const [mode, options] of Object.entries(MODES)) {
    const full = packageValue(text, options);
    expect(full, `${mode} refuses what the plain reader read: ${JSON.stringify(text)}`).toBeDefined();
    expect(plain.value, `${mode}: ${JSON.stringify(text)}`).toEqual(full?.value);
  }
  return true;
}

describe("readPlainYaml", () => {
  it("reads a configuration file", () => {
    const text =
      "# awsconn\nsources:\n  - type: secretsmanager   # production\n    region: eu-west-1\n    endpoint: http://127.0.0.1:4566\n  - type: env\ncache:\n  ttlSeconds: 300\n  enabled: true\n";
    expect(readPlainYaml(text)?.value).toEqual({
      sources: [
        { type: "secretsmanager", region: "eu-west-1", endpoint: "http://127.0.0.1:4566" },
        { type: "env" },
      ],
      cache: { ttlSeconds: 300, enabled: true },
    });
    expect(expectSameAsPackage(text)).toBe(true);
  });

  it("reads a list at its key's column, quoted strings, nulls and empty documents", () => {
    expect(readPlainYaml("a:\n- x\n- 'y #z'\n- \"q: r\"\nb:\nc: ~\n")?.value).toEqual({
      a: ["x", "y #z", "q: r"],
      b: null,
      c: null,
    });
    expect(readPlainYaml("")?.value).toBeNull();
    expect(readPlainYaml("# only a comment\n\n")?.value).toBeNull();
  });

  it("gives each key's and item's line, to the depth asked", () => {
    const { tree } = readPlainYaml("# c\na: x\n\nb:\n  - conn_type: aws\n    host: h\n", 3) ?? {};
    expect(tree?.fields?.get("a")?.line).toBe(2);
    expect(tree?.fields?.get("b")?.line).toBe(4);
    expect(tree?.fields?.get("b")?.items?.[0]?.line).toBe(5);
    expect(tree?.fields?.get("b")?.items?.[0]?.fields?.get("host")?.line).toBe(6);
    expect(tree?.fields?.get("b")?.items?.[0]?.fields?.get("host")?.fields).toBeUndefined();
  });

  it.each([
    ["a flow list", "a: [1, 2]\n"],
    ["a flow mapping", "a: {b: 1}\n"],
    ["an anchor and an alias", "a: &x 1\nb: *x\n"],
    ["a merge key", "a:\n  <<: {}\n"],
    ["a tag", "a: !!str 1\n"],
    ["a block scalar", "a: |\n  text\n"],
    ["a multi-line plain scalar", "a: one\n  two\n"],
    ["an escaped string", 'a: "x\\ty"\n'],
    ["a string quoted over two lines", "a: 'x\n  y'\n"],
    ["yes, which YAML 1.1 reads as true", "a: yes\n"],
    ["a number with a leading zero", "a: 0755\n"],
    ["a float", "a: 1.5\n"],
    ["a negative number", "a: -1\n"],
    ["a date", "a: 2024-01-01\n"],
    ["a repeated key", "a: 1\na: 2\n"],
    ["a key that is not a string", "1: x\n"],
    ["a key with a space", "my key: x\n"],
    ["a quoted key", "'a': x\n"],
    ["a tab", "a:\n\tb: 1\n"],
    ["a carriage return", "a: 1\r\n"],
    ["non-ASCII text", "a: café\n"],
    ["a document marker", "---\na: 1\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
    ["a bad indentation", "a:\n    b: 1\n  c: 2\n"],
    ["a mapping in a scalar", "a: b: c\n"],
    ["a scalar at the top", "hello\n"],
    ["a list in a list on one line", "- - x\n"],
    ["__proto__", "__proto__: x\n"],
  ])("leaves %s to the yaml package", (_what, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it("refuses deep nesting instead of recursing without bound", () => {
    const text = Array.from({ length: 5000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n");
    expect(readPlainYaml(text)).toBeUndefined();
  });

  // Plain-subset documents in the shapes people write: whatever the style, the plain reader reads
  // them (no fallback), with the yaml package's value in both modes and parseYamlText's lines.
  // Words, less those YAML 1.1 reads as booleans or null (left to the yaml package, see above).
  const word = fc
    .stringMatching(/^[a-z_][a-z0-9_.\-/]{0,8}$/)
    .filter((w) => !/^(?:y|n|yes|no|on|off|true|false|null)$/i.test(w));
  const safeScalar = fc.oneof(
    word,
    fc.constantFrom("http://127.0.0.1:5055/x", "us-east-1", "a#b", "it's", "~x", "Null", "nope"),
    fc.constantFrom(null, true, false, 0, 7, 123456),
  );
  type Tree = unknown;
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      safeScalar,
      fc.dictionary(word, tie("node"), { minKeys: 1, maxKeys: 4 }),
      fc.array(tie("node"), { minLength: 1, maxLength: 4 }),
    ),
  })).node;
  const style = fc.record({
    step: fc.constantFrom(2, 4),
    compactList: fc.boolean(),
    quote: fc.constantFrom("none", "single", "double"),
    comments: fc.boolean(),
    inlineMap: fc.boolean(),
  });
  type Style = { step: number; compactList: boolean; quote: string; comments: boolean; inlineMap: boolean };

  function scalarText(value: unknown, s: Style): string {
    if (typeof value !== "string") return value === null ? "~" : String(value);
    if (s.quote === "single" && !value.includes("'")) return `'${value}'`;
    if (s.quote === "double") return `"${value}"`;
    return value;
  }

  function render(value: unknown, indent: number, s: Style, ofKey: boolean): string[] {
    const pad = " ".repeat(indent);
    const note = s.comments ? "  # note" : "";
    if (Array.isArray(value)) {
      const at = ofKey && s.compactList ? indent - s.step : indent;
      const p = " ".repeat(Math.max(at, 0));
      return value.flatMap((item) => {
        if (Array.isArray(item) || (item !== null && typeof item === "object" && !s.inlineMap))
          return [`${p}-${note}`, ...render(item, Math.max(at, 0) + 2, s, false)];
        if (item !== null && typeof item === "object") {
          const [first, ...rest] = render(item, Math.max(at, 0) + 2, s, false);
          return [`${p}- ${(first ?? "").trimStart()}`, ...rest];
        }
        return [`${p}- ${scalarText(item, s)}${note}`];
      });
    }
    if (value !== null && typeof value === "object") {
      return Object.entries(value).flatMap(([k, v]) => {
        if (v !== null && typeof v === "object")
          return [
            `${pad}${k}:${note}`,
            ...(s.comments ? [`${pad}  # between`] : []),
            ...render(v, indent + s.step, s, true),
          ];
        return [`${pad}${k}: ${scalarText(v, s)}${note}`];
      });
    }
    return [`${pad}${scalarText(value, s)}`];
  }

  it("reads generated plain documents as the yaml package does, with the same lines", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.dictionary(word, tree, { minKeys: 1, maxKeys: 4 }),
          fc.array(tree, { minLength: 1, maxLength: 4 }),
        ),
        style,
        (value, s) => {
          const text = `${render(value, 0, s, false).join("\n")}\n`;
          expect(expectSameAsPackage(text), text).toBe(true);
          expect(readPlainYaml(text, 3)?.tree).toEqual(parseYamlWithPackage(text).tree);
        },
      ),
      { numRuns: 1000 },
    );
  }, 30_000);

  // Line soup from YAML's significant pieces, mostly in "key: value" and "- item" lines: the plain
  // reader may decline anything, but what it reads must be what the yaml package reads, in both modes.
  it("never reads random near-YAML differently from the yaml package", () => {
    const piece = fc.constantFrom(
      "a",
      "b",
      "_x",
      "k.y",
      "0",
      "1",
      "-1",
      "01",
      "1.5",
      "yes",
      "no",
      "on",
      "y",
      "~",
      "null",
      "True",
      "x y",
      ":",
      ": ",
      "- ",
      "-",
      "#",
      " #",
      "'",
      '"',
      "[",
      "]",
      "{",
      "}",
      ",",
      "&a",
      "*a",
      "!",
      "|",
      ">",
      "?",
      "<<",
      "=",
      " ",
      "\\",
      "%",
      "@",
      "`",
      "---",
      "...",
      "a:b",
      "http://h:1",
      "__proto__",
    );
    const pieces = fc.array(piece, { maxLength: 3 }).map((parts) => parts.join(""));
    const indent = fc.constantFrom("", "", " ", "  ", "  ", "    ");
    const line = fc.oneof(
      fc.tuple(indent, pieces, fc.constantFrom(":", ": ", ":  "), pieces).map((p) => p.join("")),
      fc.tuple(indent, fc.constantFrom("-", "- "), pieces).map((p) => p.join("")),
      fc
        .tuple(indent, fc.constantFrom("- "), pieces, fc.constantFrom(": ", ":"), pieces)
        .map((p) => p.join("")),
      fc.tuple(indent, pieces).map((p) => p.join("")),
    );
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        if (expectSameAsPackage(`${lines.join("\n")}\n`)) read++;
      }),
      { numRuns: 15000 },
    );
    expect(read).toBeGreaterThan(300); // the soup reaches the reader, not only its refusals
  }, 30_000);
});
