import { type Palette, palette, wantsColor } from "./color.js";

/** Where the CLI writes and what it knows about its environment; injectable for tests. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** The common output flags. */
export interface OutputOptions {
  /** `--no-color` sets this to false. */
  color?: boolean;
  /** `--quiet`: no informational messages or warnings on stderr (errors still print). */
  quiet?: boolean;
  /** `--verbose`: also print debug messages on stderr. */
  verbose?: boolean;
}

/**
 * The one place the CLI writes: data to stdout, messages to stderr, colour only where allowed.
 *
 * @example
 * ```ts
 * const out = new Output(io, { quiet: false });
 * out.data("hello");          // stdout
 * out.warn("region missing"); // stderr, yellow on a TTY
 * ```
 */
export class Output {
  /** Styles for text written to stdout. */
  readonly out: Palette;
  /** Styles for text written to stderr. */
  readonly err: Palette;

  constructor(
    readonly io: CliIO,
    readonly options: OutputOptions = {},
  ) {
    this.out = palette(wantsColor(io.stdout, io.env, options.color));
    this.err = palette(wantsColor(io.stderr, io.env, options.color));
  }

  /** Writes data (a line) to stdout. */
  data(text: string): void {
    this.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** Writes a value as pretty JSON to stdout. */
  json(value: unknown): void {
    this.data(JSON.stringify(value, null, 2));
  }

  /** An informational message on stderr (suppressed by `--quiet`). */
  info(message: string): void {
    if (!this.options.quiet) this.io.stderr.write(`${message}\n`);
  }

  /** A warning on stderr (suppressed by `--quiet`). */
  warn(message: string): void {
    if (!this.options.quiet) this.io.stderr.write(`${this.err.yellow("warning:")} ${message}\n`);
  }

  /** An error on stderr (always shown). */
  error(message: string): void {
    this.io.stderr.write(`${this.err.red("error:")} ${message}\n`);
  }

  /** A debug message on stderr, only with `--verbose`. */
  debug(message: string): void {
    if (this.options.verbose && !this.options.quiet)
      this.io.stderr.write(`${this.err.dim(`debug: ${message}`)}\n`);
  }
}
