import type { Stats } from "node:fs";

/** A permission problem of a connections file. */
export interface PermissionWarning {
  kind: "readable" | "writable" | "owner";
  message: string;
}

/**
 * The permission problems of a connections (or configuration: `label`) file, as ssh judges private keys: readable by group
 * or others, writable by others, or owned by another user. Nothing on Windows, where POSIX modes
 * do not apply.
 *
 * @example
 * ```ts
 * checkFilePermissions("conns.yaml", statSync("conns.yaml")); // [{ kind: "readable", message: "..." }]
 * ```
 */
export function checkFilePermissions(
  path: string,
  stats: Stats,
  platform = process.platform,
  label = "connections file",
): PermissionWarning[] {
  if (platform === "win32") return [];
  const mode = (stats.mode & 0o777).toString(8).padStart(3, "0");
  const warnings: PermissionWarning[] = [];
  if (stats.mode & 0o044) {
    warnings.push({
      kind: "readable",
      message: `${label} ${path} is readable by group or others (mode ${mode}); it holds secrets: run chmod 600 ${path}`,
    });
  }
  if (stats.mode & 0o002) {
    warnings.push({
      kind: "writable",
      message: `${label} ${path} is writable by others (mode ${mode}); anyone could change what it says`,
    });
  }
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  if (uid !== undefined && stats.uid !== uid) {
    warnings.push({
      kind: "owner",
      message: `${label} ${path} is owned by uid ${stats.uid}, not by the current user (uid ${uid})`,
    });
  }
  return warnings;
}
