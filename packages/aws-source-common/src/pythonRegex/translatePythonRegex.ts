import { ConfigError } from "@awsconn/core";
import { isSurrogate, PythonRegexCursor } from "./PythonRegexCursor.js";
import { translatePythonClass } from "./pythonRegexClass.js";
import { refuseFlagModes } from "./pythonRegexFlags.js";
import { readGroupOpener } from "./readGroupOpener.js";
import { readPythonEscape } from "./readPythonEscape.js";
import { jsQuantifier, readRepeatBounds } from "./pythonRegexRepeat.js";
import { jsChar, refuseNewlyCased, TURKISH_I } from "./pythonRegexChars.js";

/** Options of {@link translatePythonRegex}. */
export interface PythonRegexOptions {
  /** Python's `re.IGNORECASE` (Airflow's lookup patterns use it). Default `false`. */
  ignoreCase?: boolean;
  /** Config path named by every `ConfigError`. Default `"pattern"`. */
  path?: string;
}

/** A JavaScript pattern (`new RegExp(source, flags)`) that matches as the Python one does. */
export interface TranslatedRegex {
  source: string;
  /** `"u"` or `"iu"`; add `"y"` and set `lastIndex = 0` for `re.match`. */
  flags: string;
}

interface Frame {
  /** The part may not run (an alternative, an optional repeat, a negative lookaround). */
  cond: boolean;
}
interface Group {
  closed: boolean;
  path: Frame[];
  lo: number;
  hi: number;
}
interface Item {
  src: string;
  lo: number;
  hi: number;
  kind: "at" | "assert" | "repeat" | "plain";
  frame?: Frame;
  /** Holds a repeat whose body can match empty or not: Python ends the loop on an empty pass, JavaScript tries the next path. */
  emptyLoop?: boolean;
}

/**
 * Translates a Python 3.11 regular expression (a `str` pattern: Unicode `\w`/`\d`/`\s`/`\b`,
 * `$` before a final newline, `.` without newline) into a JavaScript `u` pattern that matches
 * exactly the same strings, or throws a `ConfigError` that names the reason: either Python's
 * own `re.error` (the pattern fails in Airflow too) or the construct JavaScript cannot match
 * exactly (`\N{...}`, conditionals, verbose and ASCII mode, backreferences under IGNORECASE or to
 * a group that may not have matched, atomic parts over loops that can match empty, code points
 * cased only in newer Unicode). Translated: `\A`, `\Z`, `{,n}`,
 * `(?i)`/`(?s)`/`(?m)` at the start and scoped, `(?P<name>...)`, `(?P=name)`, `(?#...)`,
 * atomic groups and possessive quantifiers (as a lookahead and a backreference), Python's class
 * syntax (`]` first, `[` inside), and IGNORECASE's Turkish i.
 *
 * @example
 * ```ts
 * translatePythonRegex("aws_\\w+\\Z", { ignoreCase: true }).flags; // "iu"
 * translatePythonRegex("\\e"); // throws ConfigError: not a valid Python regular expression: bad escape \e ...
 * ```
 */
export function translatePythonRegex(pattern: string, options: PythonRegexOptions = {}): TranslatedRegex {
  return new Translator(pattern, options).run();
}

class Translator {
  private readonly src: PythonRegexCursor;
  private ignoreCase: boolean;
  private dotAll = false;
  private multiline = false;
  private readonly groups: Group[] = [];
  private readonly names = new Map<string, number>();
  private readonly frames: Frame[] = [];
  private readonly refs: { group: number; path: Frame[] }[] = [];
  private lookbehindGroups: number | undefined;
  private aux = 0;

  constructor(pattern: string, options: PythonRegexOptions) {
    this.src = new PythonRegexCursor(pattern, options.path ?? "pattern");
    this.ignoreCase = options.ignoreCase ?? false;
  }

  run(): TranslatedRegex {
    const top = this.alternation(true);
    if (this.src.next !== undefined) throw this.src.rejects("unbalanced parenthesis");
    for (const ref of this.refs) {
      const group = this.groups[ref.group - 1] as Group;
      let k = 0;
      while (k < group.path.length && group.path[k] === ref.path[k]) k++;
      if (group.path.slice(k).some((f) => f.cond))
        throw this.src.refuses(
          `a backreference to group ${ref.group}`,
          "the group may not have matched where it is referred to: JavaScript then matches an empty string, Python fails",
        );
    }
    const numbers = new Map<string, number>();
    const opened = top.src.replace(/\0O(\w+)\0/g, (_, key: string) => {
      numbers.set(key, numbers.size + 1);
      return "(";
    });
    const source = opened.replace(/\0R(\w+)\0/g, (_, key: string) => `(?:\\${numbers.get(key)})`);
    const flags = this.ignoreCase ? "iu" : "u";
    try {
      new RegExp(source, flags);
    } catch (error) {
      throw new ConfigError(
        `cannot be matched exactly as Python's re.match does: JavaScript cannot compile the translation (${(error as Error).message})`,
        { path: this.src.path },
      );
    }
    return { source, flags };
  }

  private alternation(top: boolean): Item {
    const branches: Item[] = [];
    const frames: Frame[] = [];
    do {
      const frame: Frame = { cond: false };
      frames.push(frame);
      this.frames.push(frame);
      branches.push(this.sequence(top && branches.length === 0));
      this.frames.pop();
    } while (this.src.match("|"));
    if (branches.length > 1) for (const f of frames) f.cond = true;
    return {
      src: branches.map((b) => b.src).join("|"),
      lo: Math.min(...branches.map((b) => b.lo)),
      hi: Math.max(...branches.map((b) => b.hi)),
      kind: "plain",
      emptyLoop: branches.some((b) => b.emptyLoop),
    };
  }

  private sequence(first: boolean): Item {
    const items: Item[] = [];
    const src = this.src;
    for (;;) {
      const ch = src.next;
      if (ch === undefined || ch === "|" || ch === ")") break;
      src.get();
      if (ch === "\\") items.push(this.escape());
      else if (ch === "[")
        items.push({ src: translatePythonClass(src, this.ignoreCase), lo: 1, hi: 1, kind: "plain" });
      else if ("*+?{".includes(ch)) {
        const item = this.quantified(ch, items);
        if (item) items[items.length - 1] = item;
        else items.push(this.literal(0x7b));
      } else if (ch === ".")
        items.push({ src: this.dotAll ? "[\\s\\S]" : "[^\\n]", lo: 1, hi: 1, kind: "plain" });
      else if (ch === "^")
        items.push({ src: this.multiline ? "(?:^|(?<=\\n))" : "^", lo: 0, hi: 0, kind: "at" });
      else if (ch === "$")
        items.push({ src: this.multiline ? "(?=\\n|$)" : "(?=\\n?$)", lo: 0, hi: 0, kind: "at" });
      else if (ch === "(") {
        const item = this.group(first && items.length === 0);
        if (item) items.push(item);
      } else items.push(this.literal(ch.codePointAt(0) as number));
    }
    return {
      src: items.map((i) => i.src).join(""),
      lo: items.reduce((n, i) => n + i.lo, 0),
      hi: items.reduce((n, i) => n + i.hi, 0),
      kind: "plain",
      emptyLoop: items.some((i) => i.emptyLoop),
    };
  }

  private literal(cp: number): Item {
    if (isSurrogate(cp))
      throw this.src.refuses(
        "a lone surrogate",
        "JavaScript strings cannot tell two of them from one code point",
      );
    let src = jsChar(cp);
    if (this.ignoreCase) {
      refuseNewlyCased(cp, cp, this.src.path);
      if ((TURKISH_I as readonly number[]).includes(cp)) src = `[${TURKISH_I.map(jsChar).join("")}]`;
    }
    return { src, lo: 1, hi: 1, kind: "plain" };
  }

  /** A quantifier after `items`' last (`ch` read); `undefined` when `{` is a literal. */
  private quantified(ch: string, items: Item[]): Item | undefined {
    const src = this.src;
    const here = src.pos - 1;
    const bounds = readRepeatBounds(src, ch);
    if (!bounds) return undefined;
    const { min, max } = bounds;
    const item = items[items.length - 1];
    if (!item || item.kind === "at") throw src.rejects("nothing to repeat", here);
    if (item.kind === "repeat") throw src.rejects("multiple repeat", here);
    const lazy = src.match("?");
    const possessive = !lazy && src.match("+");
    if (min === 0 && item.frame) item.frame.cond = true;
    const q = jsQuantifier(min, max);
    const atom = item.kind === "assert" ? `(?:${item.src})` : item.src;
    let out = `${atom}${q}${lazy ? "?" : ""}`;
    const emptyLoop = item.emptyLoop || (item.lo === 0 && item.hi > 0 && max > min);
    if (possessive) {
      if (emptyLoop) throw this.emptyLoopRefusal("a possessive quantifier");
      const key = `a${this.aux++}`;
      out = `(?:(?=\0O${key}\0${out}))\0R${key}\0)`;
    }
    const hi = item.hi === 0 ? 0 : item.hi * max;
    return { src: out, lo: item.lo * min, hi, kind: "repeat", emptyLoop };
  }

  private escape(): Item {
    const e = readPythonEscape(this.src, this.groups.length);
    if (e.kind === "literal") return this.literal(e.cp);
    if (e.kind === "reference") return this.backreference(e.group);
    return {
      src: e.src,
      lo: e.kind === "at" ? 0 : 1,
      hi: e.kind === "at" ? 0 : 1,
      kind: e.kind === "at" ? "at" : "plain",
    };
  }

  private backreference(group: number): Item {
    const g = this.groups[group - 1] as Group;
    if (!g.closed) throw this.src.rejects("cannot refer to an open group");
    if (this.lookbehindGroups !== undefined && group >= this.lookbehindGroups)
      throw this.src.rejects("cannot refer to group defined in the same lookbehind subpattern");
    if (this.ignoreCase)
      throw this.src.refuses(
        `a backreference to group ${group} under IGNORECASE`,
        "Python compares the two texts by lower case, JavaScript by case folding: they differ for ſ/s, ς/σ, İ/i",
      );
    this.refs.push({ group, path: [...this.frames] });
    return { src: `\0Rp${group}\0`, lo: g.lo, hi: g.hi, kind: "plain" };
  }

  /** After `(`: a group, a lookaround, a comment or flags (`undefined`: nothing to match). */
  private group(first: boolean): Item | undefined {
    const src = this.src;
    const start = src.pos - 1;
    const opener = readGroupOpener(src);
    if (opener.kind === "comment") return undefined;
    if (opener.kind === "globalFlags") {
      if (!first) throw src.rejects("global flags not at the start of the expression", start);
      this.applyGlobal(opener.add);
      return undefined;
    }
    if (opener.kind === "reference") {
      const gid = this.names.get(opener.name);
      if (gid === undefined) throw src.rejects(`unknown group name '${opener.name}'`);
      return this.backreference(gid);
    }
    if (opener.kind === "lookaround") return this.lookaround(opener.behind, opener.negative, start);
    const capture = opener.kind === "capture";
    const name = opener.kind === "capture" ? opener.name : undefined;
    const scoped = opener.kind === "group" ? opener.flags : undefined;
    const atomic = opener.kind === "atomic";
    let gid = 0;
    if (capture) {
      gid = this.groups.length + 1;
      if (name !== undefined) {
        const was = this.names.get(name);
        if (was !== undefined)
          throw src.rejects(`redefinition of group name '${name}' as group ${gid}; was group ${was}`);
        this.names.set(name, gid);
      }
    }
    const frame: Frame = { cond: false };
    this.frames.push(frame);
    const group: Group = { closed: false, path: [...this.frames], lo: 0, hi: 0 };
    if (capture) this.groups.push(group);
    const saved = [this.dotAll, this.multiline] as const;
    if (scoped) this.applyScoped(scoped);
    const body = this.alternation(false);
    [this.dotAll, this.multiline] = saved;
    this.frames.pop();
    if (!src.match(")")) throw src.rejects("missing ), unterminated subpattern", start);
    Object.assign(group, { closed: true, lo: body.lo, hi: body.hi });
    let out = `(?:${body.src})`;
    if (capture) out = `\0Op${gid}\0${body.src})`;
    if (atomic) {
      if (body.emptyLoop) throw this.emptyLoopRefusal("an atomic group");
      const key = `a${this.aux++}`;
      out = `(?:(?=\0O${key}\0${body.src}))\0R${key}\0)`;
    }
    return { src: out, lo: body.lo, hi: body.hi, kind: "plain", frame, emptyLoop: body.emptyLoop };
  }

  private emptyLoopRefusal(construct: string): ConfigError {
    return this.src.refuses(
      `${construct} over a repetition that can match an empty string`,
      "Python ends such a loop on an empty pass and JavaScript tries the next path first, so what the atomic part keeps differs",
    );
  }

  private lookaround(behind: boolean, negative: boolean, start: number): Item {
    const src = this.src;
    const kind = negative ? "!" : "=";
    const outer = this.lookbehindGroups;
    if (behind && outer === undefined) this.lookbehindGroups = this.groups.length + 1;
    const frame: Frame = { cond: negative };
    this.frames.push(frame);
    const body = this.alternation(false);
    this.frames.pop();
    this.lookbehindGroups = outer;
    if (!src.match(")")) throw src.rejects("missing ), unterminated subpattern", start);
    if (behind && body.lo !== body.hi) throw src.rejects("look-behind requires fixed-width pattern", start);
    return { src: `(?${behind ? "<" : ""}${kind}${body.src})`, lo: 0, hi: 0, kind: "assert", frame };
  }

  private applyGlobal(add: string): void {
    refuseFlagModes(this.src, add);
    if (add.includes("i")) this.ignoreCase = true;
    if (add.includes("s")) this.dotAll = true;
    if (add.includes("m")) this.multiline = true;
  }

  private applyScoped({ add, del }: { add: string; del: string }): void {
    refuseFlagModes(this.src, add + del);
    if (add.includes("i") && !this.ignoreCase)
      throw this.src.refuses("(?i:...) in a case-sensitive pattern", "JavaScript cannot scope IGNORECASE");
    if (del.includes("i") && this.ignoreCase)
      throw this.src.refuses("(?-i:...)", "JavaScript cannot switch IGNORECASE off for part of a pattern");
    if (add.includes("s")) this.dotAll = true;
    if (del.includes("s")) this.dotAll = false;
    if (add.includes("m")) this.multiline = true;
    if (del.includes("m")) this.multiline = false;
  }
}
