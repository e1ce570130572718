// Fleet time: real time since a shared epoch (wall-clock ms, the same in every worker process),
// run `scale` times faster. A fleet second lasts 1000 / scale real ms.

/** @param {number} epochMs  @param {number} scale */
export function fleetClock(epochMs, scale) {
  const realNow = () => performance.timeOrigin + performance.now();
  const seconds = () => ((realNow() - epochMs) * scale) / 1000;
  return {
    scale,
    epochMs,
    /** Fleet seconds since the epoch (negative before it). */
    seconds,
    /** Real ms until fleet second `s` (0 if it is past). */
    realMsUntil: (s) => Math.max(0, (s * 1000) / scale - (realNow() - epochMs)),
    /** A resolver/token-bucket clock in fleet ms: monotonic and above 0. */
    ms: { now: () => 1e9 + seconds() * 1000 },
  };
}

/** Resolves at fleet second `s` of `clock`. */
export function sleepUntil(clock, s) {
  const ms = clock.realMsUntil(s);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
