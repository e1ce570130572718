/**
 * A regular expression built on its first use. A Unicode property class (`\p{L}`) costs a fresh
 * process a fraction of a millisecond to build, which a module-level literal pays at import even
 * when nothing ever tests with it.
 *
 * @example
 * ```ts
 * const word = lazyPattern(String.raw`^\p{L}+$`, "u");
 * word().test("straße"); // true (built now)
 * ```
 */
export function lazyPattern(source: string, flags = ""): () => RegExp {
  let built: RegExp | undefined;
  return () => {
    built ??= new RegExp(source, flags);
    return built;
  };
}
