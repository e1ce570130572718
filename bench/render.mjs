// `node render.mjs`: redraws the SVGs and README.md from results.json without re-measuring
// (after editing notes.mjs or the chart code).
import { readFileSync } from "node:fs";
import { render } from "./lib/render.mjs";

render(JSON.parse(readFileSync(new URL("./results.json", import.meta.url), "utf8")));
