const which = process.argv[2];
const t0 = performance.now();
if (which === "lru") await import("lru-cache");
else if (which === "node") await import("node:path");
else await import(which);
console.log((performance.now() - t0).toFixed(1));
