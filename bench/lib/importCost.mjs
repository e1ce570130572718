// What start-up is made of: the time of `await import(x)` alone (module evaluation included) in a
// fresh process, for each dependency, median of a few runs. The rows overlap (awsconn includes
// zod, yaml and lru-cache when it loads them), so they are not to be summed.
import { fileURLToPath } from "node:url";
import { median, round } from "./stats.mjs";
import { timeNode } from "./timeNode.mjs";

const benchDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * @param {string[]} specifiers bare specifiers, resolved from bench/
 * @param {number} runs
 * @returns {Promise<Record<string, number>>} specifier -> median ms
 */
export async function importCosts(specifiers, runs) {
  const samples = new Map(specifiers.map((s) => [s, []]));
  for (let i = 0; i < runs; i++) {
    for (const specifier of specifiers) {
      const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t) + "\\n");`;
      const { stdout } = await timeNode(["--input-type=module", "-e", code], { cwd: benchDir });
      samples.get(specifier).push(Number(stdout));
    }
  }
  return Object.fromEntries([...samples].map(([s, xs]) => [s, round(median(xs), 3)]));
}
