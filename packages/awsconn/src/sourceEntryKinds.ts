import type { ConnectionSource, VariableSource } from "@awsconn/core";
import type { SourceWithOptions } from "./types.js";

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

/** True when the value implements {@link VariableSource} (a `name` and a `getVariable` function). */
export function isVariableSource(value: unknown): value is VariableSource {
  const v = value as { name?: unknown; getVariable?: unknown } | null;
  return (
    typeof v === "object" && v !== null && typeof v.name === "string" && typeof v.getVariable === "function"
  );
}
