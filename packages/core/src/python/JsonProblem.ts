import { CodecProblem } from "../CodecProblem.js";

/**
 * A JSON syntax error as Python's `JSONDecodeError` reports it: the message (`Expecting value`...)
 * and the position, never the text (the JSON may hold a password). Internal to the codec; the
 * public {@link parsePythonJson} turns it into a `ConnectionFormatError`.
 */
export class JsonProblem extends CodecProblem {
  constructor(
    /** Python's `JSONDecodeError.msg`. */
    readonly reason: string,
    /** 1-based line (`lineno`). */
    readonly line: number,
    /** 1-based column (`colno`). */
    readonly column: number,
    /** 0-based character offset (`pos`). */
    readonly pos: number,
  ) {
    super(`${reason}: line ${line} column ${column} (char ${pos})`, "json");
  }

  /** The problem `reason` at character `pos` of `text`. */
  static at(reason: string, text: string, pos: number): JsonProblem {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf("\n"); i !== -1 && i < pos; i = text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return new JsonProblem(reason, line, pos - lineStart + 1, pos);
  }
}
