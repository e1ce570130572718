// Every public workspace package is ready for the registry: the metadata a registry page shows, the
// Apache-2.0 LICENSE (the root's text) packed, ESM and CommonJS types apart, nothing exported that the
// tarball lacks. scripts/pack-smoke.mjs (CI) then packs, installs and runs them.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./runBin.js";

interface Manifest {
  name: string;
  private?: boolean;
  license?: string;
  keywords?: string[];
  repository?: { type: string; url: string; directory: string };
  homepage?: string;
  bugs?: { url: string };
  publishConfig?: { access?: string };
  files?: string[];
  types?: string;
  main?: string;
  exports?: Record<string, unknown>;
}

const packages = readdirSync(join(REPO_ROOT, "packages"))
  .filter((d) => existsSync(join(REPO_ROOT, "packages", d, "package.json")))
  .map((d) => ({
    dir: d,
    manifest: JSON.parse(readFileSync(join(REPO_ROOT, "packages", d, "package.json"), "utf8")) as Manifest,
  }))
  .filter((p) => !p.manifest.private);
const license = readFileSync(join(REPO_ROOT, "LICENSE"), "utf8");

describe.each(packages)("$manifest.name (packages/$dir)", ({ dir, manifest }) => {
  it("carries the root's Apache-2.0 LICENSE", () => {
    expect(license).toContain("Apache License\n                           Version 2.0, January 2004");
    expect(manifest.license).toBe("Apache-2.0");
    expect(readFileSync(join(REPO_ROOT, "packages", dir, "LICENSE"), "utf8")).toBe(license);
  });

  it("has the registry metadata, public access for the scope", () => {
    expect(manifest.keywords?.length).toBeGreaterThan(0);
    expect(manifest.repository).toEqual({
      type: "git",
      url: expect.stringMatching(/^git\+https:\/\/github\.com\/.+\.git$/),
      directory: `packages/${dir}`,
    });
    expect(manifest.homepage).toMatch(new RegExp(`^https://github\\.com/.+/packages/${dir}#readme$`));
    expect(manifest.bugs?.url).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
    expect(manifest.publishConfig?.access).toBe("public");
  });

  it("types each module system apart, and every export target is packed", () => {
    expect(manifest.types).toBe("./dist/cjs/index.d.ts");
    expect(manifest.exports?.["."]).toEqual({
      "@awsconn/source": "./src/index.ts",
      import: { types: "./dist/esm/index.d.ts", default: "./dist/esm/index.js" },
      require: { types: "./dist/cjs/index.d.ts", default: "./dist/cjs/index.js" },
    });
    expect(manifest.files).toEqual(expect.arrayContaining(["dist", "src", "!src/**/*.test.ts"]));
  });

  it("links in its README work on the registry page (absolute URLs)", () => {
    const readme = readFileSync(join(REPO_ROOT, "packages", dir, "README.md"), "utf8");
    const relative = [...readme.matchAll(/\]\(([^)]+)\)/g)]
      .map((m) => m[1] ?? "")
      .filter((href) => !/^(https?:|mailto:|#)/.test(href));
    expect(relative).toEqual([]);
  });
});
