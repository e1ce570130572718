/** The few styles the CLI uses. Each is the identity function when colour is off. */
export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/**
 * Decides whether a stream gets colour: only a TTY, never when `NO_COLOR` is set to a non-empty
 * value (https://no-color.org), never with `--no-color` (`flag === false`).
 *
 * @example
 * ```ts
 * const on = wantsColor(process.stderr, process.env, opts.color);
 * ```
 */
export function wantsColor(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
  flag: boolean | undefined,
): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/**
 * An ANSI palette when `enabled`, else one that leaves text unchanged.
 *
 * @example
 * ```ts
 * const c = palette(true); c.red("error");
 * ```
 */
export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: plain, yellow: plain, green: plain, dim: plain, bold: plain };
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}
