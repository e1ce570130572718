import type { ConnectionSource } from "@awsconn/core";
import { createSource } from "awsconn";
import { UsageError } from "./exitCodes.js";
import { fileTarget } from "./fileTarget.js";
import type { CliResolver } from "./resolver.js";

/** A place `copy` can write to: a source with `get` and `put`, and a label for messages. */
export interface CopyTarget {
  label: string;
  source: ConnectionSource & { put: NonNullable<ConnectionSource["put"]> };
}

/**
 * Opens the `--to` target of `copy`: `secretsmanager` or `ssm` (the configured source of that type,
 * else one with the default settings: region and endpoint from the AWS environment), or `file:PATH`
 * (`.json`, `.yaml`, `.yml`, `.env`; written with mode 0600).
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
    return { label: `file:${path}`, source: fileTarget(path) };
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
