// Draws bench/<scenario>.svg, bench/README.md and the root README's table from a results object
// (as in results.json).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeReadme } from "./readme.mjs";
import { writeRootTable } from "./rootReadme.mjs";
import { barChart } from "./svg.mjs";

const benchDir = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));

export function render(out) {
  for (const r of out.scenarios) {
    if (r.chart && r.svg)
      writeFileSync(benchDir(r.svg), barChart({ title: `${r.id.split("-")[0]}. ${r.title}`, ...r.chart }));
  }
  writeReadme(benchDir("README.md"), out);
  writeRootTable(benchDir("../README.md"), out);
}
