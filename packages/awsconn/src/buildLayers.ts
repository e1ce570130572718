import { resolve } from "node:path";
import type { ConnectionSource } from "@awsconn/core";
import { fromEnv } from "@awsconn/source-env";
import { fromFile } from "@awsconn/source-file";
import type { Layer } from "./Layer.js";
import { lazySource } from "./lazySource.js";
import type { SourceConfig, SourceEntry, SourceWithOptions } from "./types.js";

/** True when the value implements {@link ConnectionSource} (a `name` and a `get` function). */
export function isConnectionSource(value: unknown): value is ConnectionSource {
  const v = value as { name?: unknown; get?: unknown } | null;
  return typeof v === "object" && v !== null && typeof v.name === "string" && typeof v.get === "function";
}

/** True for `{ source: ConnectionSource, onError?, live? }`. */
export function isSourceWithOptions(value: unknown): value is SourceWithOptions {
  return (
    typeof value === "object" && value !== null && isConnectionSource((value as { source?: unknown }).source)
  );
}

async function loadAws(config: SourceConfig & { type: "secretsmanager" | "ssm" }): Promise<ConnectionSource> {
  if (config.type === "secretsmanager") {
    const { type: _t, onError: _o, ...init } = config;
    const { fromSecretsManager } = await import("@awsconn/source-secrets-manager");
    return fromSecretsManager(init);
  }
  const { type: _t, onError: _o, ...init } = config;
  const { fromSsm } = await import("@awsconn/source-ssm");
  return fromSsm(init);
}

function fromConfig(config: SourceConfig, baseDir: string): ConnectionSource {
  switch (config.type) {
    case "env":
      return fromEnv(config.prefix === undefined ? {} : { prefix: config.prefix });
    case "file":
      return fromFile({ path: resolve(baseDir, config.path) });
    default:
      // AWS sources load their package (and so the AWS SDK) on first use only.
      return lazySource(config.type, () => loadAws(config));
  }
}

/**
 * Turns validated `sources` entries into the priority chain. AWS sources are created lazily;
 * env and file sources are live, everything else is cached unless `live: true` is given.
 *
 * @example
 * ```ts
 * const layers = buildLayers([{ type: "env" }, { type: "secretsmanager", region: "eu-west-1" }], process.cwd());
 * ```
 */
export function buildLayers(entries: readonly SourceEntry[], baseDir: string): Layer[] {
  const built = entries.map((entry) => {
    if (isConnectionSource(entry)) {
      return { source: entry, live: entry.name === "env" || entry.name === "file", onError: "fail" as const };
    }
    if (isSourceWithOptions(entry)) {
      const live = entry.live ?? (entry.source.name === "env" || entry.source.name === "file");
      return { source: entry.source, live, onError: entry.onError ?? "fail" };
    }
    const live = entry.type === "env" || entry.type === "file";
    return { source: fromConfig(entry, baseDir), live, onError: entry.onError ?? "fail" };
  });
  const counts = new Map<string, number>();
  for (const b of built) counts.set(b.source.name, (counts.get(b.source.name) ?? 0) + 1);
  return built.map((b, i) => ({
    ...b,
    label: (counts.get(b.source.name) ?? 0) > 1 ? `${b.source.name}#${i + 1}` : b.source.name,
  }));
}
