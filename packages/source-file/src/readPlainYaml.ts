import type { LineTree } from "@awsconn/core";

/** What {@link readPlainYaml} makes of a text: its value, and the line of every key and list item. */
export interface PlainYaml {
  value: unknown;
  /** Lines down to `depth` levels (as `parseYamlText` gives them). */
  tree: LineTree;
}

interface Line {
  /** 1-based line number. */
  number: number;
  indent: number;
  text: string;
}

/** Thrown inside the reader when the text leaves the plain subset; caught by {@link readPlainYaml}. */
const LEAVE = Symbol("not plain YAML");

// A key: a word of letters, digits and `_ . - /`, then ":" and a space or the end of the line.
const KEY = /^([A-Za-z0-9_][A-Za-z0-9_.\-/]*):(?= |$)/;
// The scalars whose meaning is the same in YAML 1.2's core schema and in PyYAML's YAML 1.1.
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INT = /^(?:0|[1-9][0-9]{0,14})$/;
// Plain scalars that either schema may read as something else than a string: numbers, dates,
// `.inf`, YAML 1.1's yes/no/on/off/y/n, the merge key `<<` and the value key `=`.
const SPECIAL = /^(?:[0-9.+\-<=]|(?:y|n|yes|no|on|off)$)/i;
// A first character that starts something other than a plain scalar (YAML's indicators).
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
// Deeper nesting, or a longer key (YAML caps an implicit key at 1,024 characters), is left to the yaml package.
const MAX_LEVELS = 100;
const MAX_KEY = 1000;

/**
 * Reads a YAML text written in its plain block subset, the shape of nearly every configuration and
 * connections file, without loading the `yaml` package (about 20 ms of a process's start): block
 * mappings and lists, comments, plain words, simple quoted strings, `null`/`~`, `true`/`false` and
 * small whole numbers, each of which means the same in YAML 1.2 (the configuration file) and in
 * PyYAML's YAML 1.1 (connections files). Returns `undefined` for anything else (anchors, tags, flow
 * `[ ]`/`{ }`, multi-line or escaped strings, other numbers, `yes`/`no`, repeated keys, tabs,
 * non-ASCII text, syntax errors), and the caller parses the text with `yaml`, which then gives the
 * value or the error.
 *
 * @param depth how many levels of the tree carry lines (the root is level 0)
 * @example
 * ```ts
 * readPlainYaml("sources:\n  - type: env\n")?.value; // { sources: [{ type: "env" }] }
 * readPlainYaml("a: [1, 2]\n");                    // undefined: a flow list
 * ```
 */
export function readPlainYaml(text: string, depth = Number.POSITIVE_INFINITY): PlainYaml | undefined {
  // Tabs, carriage returns, other control characters and non-ASCII text: the yaml package decides.
  if (/[^\n\x20-\x7e]/.test(text)) return undefined;
  const lines = contentLines(text);
  if (lines === undefined) return undefined;
  if (lines.length === 0) return { value: null, tree: { line: 1 } };
  try {
    const reader = new Reader(lines, depth);
    const first = lines[0] as Line;
    const node = reader.collection(first.indent, 0);
    if (reader.at < lines.length || node === undefined) return undefined;
    return node;
  } catch (error) {
    if (error === LEAVE) return undefined;
    throw error;
  }
}

/** The lines that carry content (not blank, not a comment); `undefined` for a document marker or directive. */
function contentLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  const raw = text.split("\n");
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] as string;
    const body = line.trimStart();
    if (body === "" || body.startsWith("#")) continue;
    if (/^(?:---|\.\.\.)(?: |$)/.test(line) || line.startsWith("%")) return undefined;
    lines.push({ number: i + 1, indent: line.length - body.length, text: body.trimEnd() });
  }
  return lines;
}

class Reader {
  at = 0;

  constructor(
    private readonly lines: Line[],
    private readonly depth: number,
  ) {}

  private peek(): Line | undefined {
    return this.lines[this.at];
  }

  /** A mapping or a list whose entries start at column `indent`. */
  collection(indent: number, level: number): PlainYaml | undefined {
    const line = this.peek();
    if (level > MAX_LEVELS) throw LEAVE;
    if (!line || line.indent !== indent) return undefined;
    return isItem(line.text) ? this.list(indent, level) : this.mapping(indent, level);
  }

  private mapping(indent: number, level: number): PlainYaml {
    const value: Record<string, unknown> = {};
    const first = this.peek() as Line;
    const tree: LineTree = { line: first.number };
    // Lines are kept down to `depth` only (the configuration file asks for none).
    const fields = level < this.depth ? new Map<string, LineTree>() : undefined;
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      const key = KEY.exec(line.text);
      if (!key) throw LEAVE;
      const name = key[1] as string;
      if (name.length > MAX_KEY || name === "__proto__" || Object.hasOwn(value, name)) throw LEAVE;
      if (typeof scalar(name) !== "string") throw LEAVE;
      this.at++;
      const child = this.valueAfter(line, line.text.slice(name.length + 1), indent, true, level + 1);
      value[name] = child.value;
      fields?.set(name, { ...child.tree, line: line.number });
    }
    if (fields) tree.fields = fields;
    return { value, tree };
  }

  private list(indent: number, level: number): PlainYaml {
    const value: unknown[] = [];
    const first = this.peek() as Line;
    const tree: LineTree = { line: first.number };
    const items: LineTree[] | undefined = level < this.depth ? [] : undefined;
    for (let line = this.peek(); line && line.indent === indent && isItem(line.text); line = this.peek()) {
      const rest = line.text.slice(1);
      const body = rest.trimStart();
      let child: PlainYaml;
      if (KEY.test(body)) {
        // "- key: value": a mapping whose keys start where this one does.
        this.lines[this.at] = {
          number: line.number,
          indent: indent + 1 + rest.length - body.length,
          text: body,
        };
        child = this.mapping((this.lines[this.at] as Line).indent, level + 1);
      } else {
        if (isItem(body)) throw LEAVE; // "- - x": a list in a list on one line
        this.at++;
        child = this.valueAfter(line, rest, indent, false, level + 1);
      }
      value.push(child.value);
      items?.push(child.tree);
    }
    if (items) tree.items = items;
    return { value, tree };
  }

  /**
   * The value after a key's ":" or an item's "-": a scalar on the same line, or else the
   * collection on the lines below, indented deeper (or, for a key, a list at the key's own column).
   */
  private valueAfter(line: Line, rest: string, indent: number, ofKey: boolean, level: number): PlainYaml {
    const own = { line: line.number };
    const scalarText = rest.trim();
    const next = this.peek();
    if (scalarText !== "" && !scalarText.startsWith("#")) {
      // A scalar continued on deeper lines is a multi-line string (or an error): the yaml package decides.
      if (next && next.indent > indent) throw LEAVE;
      return { value: scalarValue(scalarText), tree: own };
    }
    if (next && (next.indent > indent || (ofKey && next.indent === indent && isItem(next.text)))) {
      const nested = this.collection(next.indent, level);
      if (!nested) throw LEAVE;
      return nested;
    }
    return { value: null, tree: own };
  }
}

function isItem(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

/** A scalar written after `key: ` or `- `, comment included. */
function scalarValue(text: string): unknown {
  const quote = text[0];
  if (quote === "'" || quote === '"') {
    const end = text.indexOf(quote, 1);
    if (end < 0) throw LEAVE;
    const inner = text.slice(1, end);
    if (quote === '"' && inner.includes("\\")) throw LEAVE;
    if (!/^(?: +#.*)?$/.test(text.slice(end + 1))) throw LEAVE;
    return inner;
  }
  const comment = text.indexOf(" #");
  return scalar((comment < 0 ? text : text.slice(0, comment)).trimEnd());
}

/** A plain scalar's value, or `LEAVE` when it is not one both YAML versions read alike. */
function scalar(text: string): unknown {
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  // (`+ 0`: PyYAML's -0 is the int 0; JavaScript's Number("-0") is -0.)
  if (INT.test(text)) return Number(text) + 0;
  if (INDICATOR.test(text) || SPECIAL.test(text) || text.includes(": ") || text.endsWith(":")) throw LEAVE;
  return text;
}
