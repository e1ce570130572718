/**
 * The labels of a resolver's layers, in order: a source's name, or `name#N` (its 1-based place in
 * the list) when more than one source has that name. Connections and Variables label their layers
 * alike, so events, `explain` and errors name a source the same way for both.
 *
 * @example
 * ```ts
 * layerLabels(["env", "ssm", "ssm"]); // ["env", "ssm#2", "ssm#3"]
 * ```
 */
export function layerLabels(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return names.map((name, i) => ((counts.get(name) ?? 0) > 1 ? `${name}#${i + 1}` : name));
}

/**
 * Whether a source given in code is read live (never cached): its own `remote` flag says, else its
 * name (`env` and `file` are live, every other source is remote).
 *
 * @example
 * ```ts
 * isLiveSource({ name: "vault" });                // false: cached
 * isLiveSource({ name: "vault", remote: false }); // true
 * ```
 */
export function isLiveSource(source: { readonly name: string; readonly remote?: unknown }): boolean {
  return source.remote !== undefined ? !source.remote : source.name === "env" || source.name === "file";
}
