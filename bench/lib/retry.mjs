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
