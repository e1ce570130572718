// The version of an installed package, found by walking up node_modules from bench/ (works for
// packages whose `exports` do not list ./package.json, such as Powertools').
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** @returns {string|undefined} */
export function installedVersion(pkg) {
  for (let dir = fileURLToPath(new URL("..", import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, "node_modules", pkg, "package.json");
    if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")).version;
    if (dirname(dir) === dir) return undefined;
  }
}
