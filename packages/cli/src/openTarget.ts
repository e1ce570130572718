import { existsSync } from "node:fs";
import { type ConnectionSource, ConnectionFormatError } from "@awsconn/core";
import { createSource, formatOfPath, fromFile } from "awsconn";
import { UsageError } from "./exitCodes.js";
import type { CliResolver } from "./resolver.js";

/** A place `copy` can write to: a source with `get` and `put`, and a label for messages. */
export interface CopyTarget {
  label: string;
  source: ConnectionSource & { put: NonNullable<ConnectionSource["put"]> };
}

/**
 * Opens the `--to` target of `copy`: `secretsmanager` or `ssm` (the configured source of that type,
 * else one with the default settings: region and endpoint from the AWS environment), or `file:PATH`
 * (`.json`, `.yaml`, `.yml`, `.env`: source-file's `fromFile(...).put`, which keeps every other
 * entry and comment and replaces the file atomically with mode 0600; a missing file is created).
 *
 * @example
 * ```ts
 * const target = await openTarget("file:./backup.yaml", resolver);
 * ```
 */
export async function openTarget(spec: string, resolver: CliResolver): Promise<CopyTarget> {
  if (spec.startsWith("file:")) {
    const path = spec.slice("file:".length);
    if (!path) throw new UsageError("--to file: needs a path, e.g. file:./connections.yaml");
    if (!formatOfPath(path)) {
      throw new ConnectionFormatError("the file must end in .json, .yaml, .yml or .env", {
        origin: `file:${path}`,
      });
    }
    const file = fromFile({ path });
    const source: CopyTarget["source"] = {
      name: file.name,
      // A file that does not exist yet holds nothing: every id is created.
      get: async (connId, options) => (existsSync(path) ? file.get(connId, options) : undefined),
      put: (connection, options) => file.put(connection, options),
    };
    return { label: `file:${path}`, source };
  }
  if (spec !== "secretsmanager" && spec !== "ssm")
    throw new UsageError(`--to must be secretsmanager, ssm or file:PATH, got ${JSON.stringify(spec)}`);
  const configured = resolver.sources?.find((s) => s.name === spec && s.put);
  if (configured?.put) return { label: spec, source: configured as CopyTarget["source"] };
  // Loads the source's package (and the AWS SDK) on first use only.
  const source = createSource({ type: spec });
  if (!source.put) throw new UsageError(`the ${spec} source cannot write`);
  return { label: spec, source: source as CopyTarget["source"] };
}
