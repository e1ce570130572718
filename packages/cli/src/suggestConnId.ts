import { type ConnectionSource, closestMatch } from "@awsconn/core";

/** The sources whose ids can be listed without a remote call. */
const LOCAL_SOURCES = new Set(["env", "file"]);

/**
 * "Did you mean": the connection id nearest to `connId` among the ids the local sources (env and
 * files) list; never asks a remote source. `undefined` when none is close or none can be listed.
 *
 * @example
 * ```ts
 * await suggestConnId("aws_defualt", resolver.sources); // "aws_default"
 * ```
 */
export async function suggestConnId(
  connId: string,
  sources: readonly ConnectionSource[],
): Promise<string | undefined> {
  const ids = new Set<string>();
  for (const source of sources) {
    if (!LOCAL_SOURCES.has(source.name) || !source.list) continue;
    try {
      for await (const id of source.list()) ids.add(id);
    } catch {
      // An unreadable file says so on its own lookup; a suggestion is only a courtesy.
    }
  }
  ids.delete(connId);
  if (ids.size === 0) return undefined;
  return closestMatch(connId, [...ids].sort());
}
