import type { Clock } from "./Clock.js";

/**
 * A resolver's default clock: milliseconds from `process.hrtime()` (monotonic, and far above 0).
 * Not `performance`: Node loads its eleven perf_hooks modules when that global is first read,
 * about 1 ms of a fresh process (a credential_process resolving one env connection, say).
 *
 * @example
 * ```ts
 * const t0 = PROCESS_CLOCK.now(); // ... PROCESS_CLOCK.now() - t0 ms later
 * ```
 */
export const PROCESS_CLOCK: Clock = {
  now() {
    const [seconds, nanoseconds] = process.hrtime();
    return seconds * 1000 + nanoseconds / 1e6;
  },
};
