const t0 = performance.now();
const { createResolver } = await import("awsconn");
const t1 = performance.now();
const r = createResolver({ sources: [{ type: "env" }] });
await r.get("bench_env");
console.log((t1 - t0).toFixed(1), (performance.now() - t1).toFixed(1));
