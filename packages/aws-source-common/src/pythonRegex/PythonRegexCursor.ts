import { ConfigError } from "@awsconn/core";

const HEX = /^[0-9a-fA-F]$/;
const OCT = /^[0-7]$/;
const ASCII_LETTER = /^[a-zA-Z]$/;

/**
 * A read position in a Python regular expression, by code point as Python counts them, with the
 * two ways a translation stops: {@link PythonRegexCursor.rejects} (Python's `re` raises
 * `re.error` too: the message is Python's) and {@link PythonRegexCursor.refuses} (Python
 * compiles it, but JavaScript cannot match it exactly). Both are `ConfigError`s at `path`.
 */
export class PythonRegexCursor {
  readonly cps: readonly string[];
  pos = 0;

  constructor(
    pattern: string,
    readonly path: string,
  ) {
    this.cps = [...pattern];
  }

  /** The next code point, without reading it (`undefined` at the end). */
  get next(): string | undefined {
    return this.cps[this.pos];
  }

  /** Reads the next code point. */
  get(): string | undefined {
    return this.cps[this.pos++];
  }

  /** Reads `ch` when it comes next. */
  match(ch: string): boolean {
    if (this.cps[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  /** Reads up to `max` code points that each pass `test`. */
  getWhile(max: number, test: RegExp): string {
    let out = "";
    while (out.length < max && this.next !== undefined && test.test(this.next)) out += this.get();
    return out;
  }

  /** Reads a name up to `end` (a group name), with Python's errors for a missing one. */
  getUntil(end: string, what: string): string {
    let name = "";
    for (;;) {
      const ch = this.get();
      if (ch === undefined) throw this.rejects(`missing ${end}, unterminated name`);
      if (ch === end) break;
      name += ch;
    }
    if (!name) throw this.rejects(`missing ${what}`);
    return name;
  }

  /** Python's `re.error` for this pattern (so the pattern fails in Airflow too). */
  rejects(message: string, at = this.pos): ConfigError {
    return new ConfigError(`not a valid Python regular expression: ${message} at position ${at}`, {
      path: this.path,
    });
  }

  /** A construct Python accepts that JavaScript cannot match exactly: refused, named. */
  refuses(construct: string, why: string): ConfigError {
    return new ConfigError(`cannot be matched exactly as Python's re.match does: ${construct} (${why})`, {
      path: this.path,
    });
  }

  /**
   * The code point of the escapes both contexts share (`\xhh`, `\uhhhh`, `\Uhhhhhhhh`) once the
   * letter is read, or `undefined` for another letter; `\N{...}` is refused (JavaScript has no
   * character names).
   */
  numericEscape(letter: string): number | undefined {
    const start = this.pos - 2;
    const digits = { x: 2, u: 4, U: 8 }[letter];
    if (letter === "N") {
      throw this.refuses(
        "\\N{...} (a named character)",
        "JavaScript has no Unicode name table; write the character itself or \\uXXXX",
      );
    }
    if (digits === undefined) return undefined;
    const hex = this.getWhile(digits, HEX);
    if (hex.length !== digits) throw this.rejects(`incomplete escape \\${letter}${hex}`, start);
    const cp = Number.parseInt(hex, 16);
    if (cp > 0x10ffff) throw this.rejects(`bad escape \\${letter}${hex}`, start);
    return cp;
  }

  /** Python's octal digits after `\0`-`\7` in a class, or after `\0` outside one. */
  octal(first: string, more: number): number {
    const text = first + this.getWhile(more, OCT);
    const value = Number.parseInt(text, 8);
    if (value > 0o377)
      throw this.rejects(`octal escape value \\${text} outside of range 0-0o377`, this.pos - text.length - 1);
    return value;
  }

  /** Python's error for an escaped ASCII letter it does not know (`\e`, `\p`, `\z`...). */
  badLetter(ch: string): ConfigError | undefined {
    return ASCII_LETTER.test(ch) ? this.rejects(`bad escape \\${ch}`, this.pos - 2) : undefined;
  }
}

/** True for one of `0`-`7`. */
export function isOctalDigit(ch: string | undefined): boolean {
  return ch !== undefined && OCT.test(ch);
}

/** True for a UTF-16 surrogate code point (U+D800-U+DFFF). */
export function isSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}
