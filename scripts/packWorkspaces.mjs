// `npm pack` of the public workspace packages, as a user gets them from the registry. Shared by
// scripts/pack-smoke.mjs (installs and exercises the tarballs) and bench/scenarios/installFootprint.mjs
// (measures what an install of them weighs).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The public (not `private`) packages under packages/, with their package.json.
 *
 * @returns {{ name: string, dir: string, manifest: Record<string, any> }[]}
 */
export function publicPackages() {
  return readdirSync(join(root, "packages"))
    .map((d) => ({ dir: join(root, "packages", d), file: join(root, "packages", d, "package.json") }))
    .flatMap(({ dir, file }) => {
      try {
        const manifest = JSON.parse(readFileSync(file, "utf8"));
        return manifest.private ? [] : [{ name: manifest.name, dir, manifest }];
      } catch {
        return [];
      }
    });
}

/**
 * Packs the given packages (default: every public one) into `dest`.
 *
 * @param {string} dest an existing folder
 * @param {string[]} [names] package names
 * @returns {{ name: string, filename: string, tarball: string, files: { path: string }[] }[]} npm pack's
 *   JSON report, with each tarball's full path
 */
export function packPublicPackages(dest, names = publicPackages().map((p) => p.name)) {
  const packed = JSON.parse(
    execFileSync(
      "npm",
      ["pack", "--json", "--pack-destination", dest, ...names.map((n) => `--workspace=${n}`)],
      {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      },
    ),
  );
  return packed.map((p) => ({ ...p, tarball: join(dest, p.filename) }));
}
