import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A fresh folder for a config file and its plugins (each test its own, so every import is a first one). */
export function pluginDir(): string {
  return mkdtempSync(join(tmpdir(), "awsconn-plugin-"));
}

/** Writes `code` at `dir/relativePath` (folders created) and returns the file's path. */
export function writePlugin(dir: string, relativePath: string, code: string): string {
  const file = join(dir, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  return file;
}

/** A plugin that hands back the source its options carry (code configs pass a test's fake through). */
export const PASSTHROUGH = "export default (options) => options.source;\n";

/**
 * A plugin over plain data (what a YAML config can pass): `options.connections` maps ids to
 * `{ host, conn_type, password }`; every import bumps `globalThis.__pluginImports[key]`, every
 * factory call records its options in `globalThis.__pluginOptions[key]`, every get bumps
 * `globalThis.__pluginGets[key]`.
 */
export function dataPlugin(key: string, extra = ""): string {
  return `
const g = globalThis;
g.__pluginImports ??= {}; g.__pluginOptions ??= {}; g.__pluginGets ??= {};
g.__pluginImports[${JSON.stringify(key)}] = (g.__pluginImports[${JSON.stringify(key)}] ?? 0) + 1;
export default function dataPlugin(options) {
  g.__pluginOptions[${JSON.stringify(key)}] = options;
  const data = options?.connections ?? {};
  return {
    name: "data",
    ...(options?.remote === undefined ? {} : { remote: options.remote }),
    async get(connId, call) {
      call?.signal?.throwIfAborted();
      g.__pluginGets[${JSON.stringify(key)}] = (g.__pluginGets[${JSON.stringify(key)}] ?? 0) + 1;
      const v = data[connId];
      if (!v) return undefined;
      return {
        connection: { connId, connType: v.conn_type, host: v.host, password: v.password, extra: {} },
        origin: "data:" + connId,
      };
    },
    async *list() { yield* Object.keys(data); },
  };
}
${extra}`;
}

/** The counters {@link dataPlugin} keeps. */
export function pluginCounters(key: string) {
  const g = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
  return {
    imports: (g.__pluginImports?.[key] as number | undefined) ?? 0,
    gets: (g.__pluginGets?.[key] as number | undefined) ?? 0,
    options: g.__pluginOptions?.[key],
  };
}
