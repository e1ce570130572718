import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes `text` (making the folder if needed) unless the file already holds it, so a rebuild leaves
 * unchanged files, and their times, alone.
 *
 * @example
 * ```js
 * writeIfChanged("packages/core/dist/cjs/index.js", code);
 * ```
 */
export function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, "utf8") === text) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
