// Copies the results table into the root README, between its two bench markers, so the table a
// reader sees first is always the committed run's. Only the text between the markers is touched.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { runLine, summaryTable } from "./readme.mjs";

const START = "<!-- bench:results:start (written by bench/run.mjs and bench/render.mjs) -->";
const END = "<!-- bench:results:end -->";

/**
 * @param {string} path the root README.md
 * @param {object} out results.json's content
 * @returns {boolean} whether the table was written (false: no markers, nothing changed)
 */
export function writeRootTable(path, out) {
  if (!existsSync(path)) return false;
  const text = readFileSync(path, "utf8");
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) {
    console.error(`bench: ${path} has no bench markers; its benchmark table is left as it is`);
    return false;
  }
  const table = `${START}\n\n${runLine(out)}\n\n${summaryTable(out, (svg) => `bench/${svg}`)}\n\n`;
  const next = text.slice(0, a) + table + text.slice(b);
  if (next !== text) writeFileSync(path, next);
  return true;
}
