// Small statistics helpers: medians and spread over repeated rounds.

/** @param {number[]} xs */
export function median(xs) {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Linear-interpolated quantile, q in [0, 1]. */
export function quantile(xs, q) {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** Median plus the interquartile range and the sample count, rounded for results.json. */
export function summary(xs, digits = 4) {
  const r = (x) => Number(x.toPrecision(digits));
  return { median: r(median(xs)), p25: r(quantile(xs, 0.25)), p75: r(quantile(xs, 0.75)), n: xs.length };
}

/** Milliseconds elapsed since `start` (a process.hrtime.bigint()). */
export function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function round(x, digits = 4) {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}
