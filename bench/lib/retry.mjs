// Child processes import the built workspace packages afresh. In a working tree where someone
// rebuilds a package (its dist/ is deleted, then written again) at that moment, the import fails;
// such a run is discarded and retried after the rebuild, instead of failing the scenario.

const MISSING = /ERR_MODULE_NOT_FOUND|Cannot find module/;

/** Runs `fn`; on a missing-module failure waits and tries again (at most `attempts` times). */
export async function retryMissingModule(fn, attempts = 6, waitMs = 10_000) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts || !MISSING.test(String(error?.message))) throw error;
      console.error(`bench: a workspace package is missing (being rebuilt?); retrying in ${waitMs / 1000} s`);
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

/**
 * Waits until each package's build is complete: dist/cjs/package.json is the last file
 * scripts/build-package.mjs writes. A failed ES import is cached for the life of a process, so
 * the benchmark process checks before it imports rather than retrying after.
 */
export async function waitForBuilds(packages, require, timeoutMs = 180_000) {
  const { existsSync } = await import("node:fs");
  const { dirname, join } = await import("node:path");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing = packages.filter((p) => {
      try {
        const dir = dirname(require.resolve(`${p}/package.json`));
        return (
          !existsSync(join(dir, "dist", "esm", "index.js")) ||
          !existsSync(join(dir, "dist", "cjs", "package.json"))
        );
      } catch {
        return true;
      }
    });
    if (missing.length === 0) return [];
    if (Date.now() > deadline) return missing;
    console.error(`bench: waiting for the build of ${missing.join(", ")}`);
    await new Promise((r) => setTimeout(r, 5000));
  }
}
