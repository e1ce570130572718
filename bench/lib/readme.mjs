// Writes bench/README.md from results.json and the hand-written analysis in notes.mjs.
import { writeFileSync } from "node:fs";
import { NOTES, INTRO } from "../notes.mjs";

const metText = (m) =>
  m === true ? "**met**" : m === false ? "**missed**" : typeof m === "string" ? m : "n/a";
const ms = (s) => (s ? `${s.median} (IQR ${s.p25}–${s.p75})` : "");

function sideTable(r) {
  const rows = [];
  switch (r.id.split("-")[0]) {
    case "1":
      rows.push(
        "| side | lookups per CPU-second | CPU ns per lookup | lookups per wall-second | wall ns per lookup |",
        "|---|---:|---:|---:|---:|",
      );
      for (const s of r.sides ?? [])
        rows.push(
          `| ${s.name} | ${s.lookupsPerSecond.toLocaleString("en")} | ${s.nsPerLookup} | ${s.wallLookupsPerSecond?.toLocaleString("en")} | ${s.wallNsPerLookup} |`,
        );
      break;
    case "2":
      rows.push("| side | latency ms, median (IQR) | CPU µs per lookup |", "|---|---:|---:|");
      for (const s of r.sides ?? []) rows.push(`| ${s.name} | ${ms(s.ms)} | ${s.cpuUsPerLookup ?? ""} |`);
      if (r.breakdownUs) {
        rows.push("", "| in-process, no network (breakdown) | µs (median) |", "|---|---:|");
        for (const [k, v] of Object.entries(r.breakdownUs)) rows.push(`| ${k} | ${v} |`);
      }
      break;
    case "3":
      rows.push("| side | API calls | wall ms, median (IQR) |", "|---|---:|---:|");
      for (const s of r.sides ?? []) rows.push(`| ${s.name} | ${s.apiCalls} | ${ms(s.wallMs)} |`);
      break;
    case "4":
      rows.push("| backend | side | API calls | wall ms, median (IQR) |", "|---|---|---:|---:|");
      for (const [b, v] of Object.entries(r.backends ?? {}))
        for (const s of v.sides) rows.push(`| ${b} | ${s.name} | ${s.apiCalls} | ${ms(s.wallMs)} |`);
      break;
    case "5":
      rows.push(
        "| process | measured | wall ms, median (IQR) | x `node -e 0` | over `node -e 0`, ms | CPU ms (over `node -e 0`) | modules loaded | `@aws-sdk/*` modules (packages) | `@smithy/*` modules |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
      );
      for (const s of r.sides ?? [])
        rows.push(
          `| ${s.name} | ${s.measured ?? "spawn to exit"} | ${ms(s.wallMs)} | ${s.relativeToBaseline} | ${s.extraMs ?? ""} | ${s.cpuMs ? `${s.cpuMs.median} (+${s.extraCpuMs})` : ""} | ${s.modules ?? "–"} | ${s.awsSdkModules ?? "–"}${s.awsSdkPackages !== undefined ? ` (${s.awsSdkPackages})` : ""} | ${s.smithyModules ?? "–"} |`,
        );
      for (const s of r.sides ?? [])
        if (s.topPackages)
          rows.push(
            "",
            `Modules loaded by "${s.name}", by package: ${Object.entries(s.topPackages)
              .map(([k, v]) => `${k} ${v}`)
              .join(", ")}.`,
          );
      if (r.importMs) {
        rows.push(
          "",
          "Import cost of each dependency: `await import(x)` alone in a fresh process (the rows overlap: a package's row includes what it loads at import).",
          "",
          "| `await import(x)`, fresh process | ms (median) |",
          "|---|---:|",
        );
        for (const [k, v] of Object.entries(r.importMs)) rows.push(`| \`${k}\` | ${v} |`);
      }
      break;
    case "6":
      rows.push("| phase | side | STS calls | wall ms, median (IQR) |", "|---|---|---:|---:|");
      for (const [p, sides] of Object.entries(r.phases ?? {}))
        for (const s of sides)
          rows.push(
            `| ${p === "first" ? "empty cache" : "across a refresh"} | ${s.name} | ${s.stsCalls} | ${ms(s.wallMs)} |`,
          );
      break;
    case "7":
      rows.push("| side | heap bytes per cached connection (median of runs) | runs |", "|---|---:|---|");
      for (const s of r.sides ?? [])
        rows.push(
          `| ${s.name} | ${Math.round(s.bytesPerConnection)} | ${s.samples.map(Math.round).join(", ")} |`,
        );
      break;
  }
  // Scenarios 8 and on carry their own table: { columns: string[], rows: (string|number)[][] }.
  for (const t of [r.table, ...(r.tables ?? [])].filter(Boolean)) {
    if (rows.length > 0) rows.push("");
    if (t.caption) rows.push(t.caption, "");
    rows.push(
      `| ${t.columns.join(" | ")} |`,
      `|${t.columns.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    );
    for (const row of t.rows)
      rows.push(`| ${row.map((c) => (typeof c === "number" ? c.toLocaleString("en") : c)).join(" | ")} |`);
  }
  return rows.join("\n");
}

/**
 * The results table (the bench README's and the root README's): one row per scenario, or one per
 * check for a scenario with several targets (`checks: { name, target, result, met }[]`).
 *
 * @param {object} out results.json's content
 * @param {(svg: string) => string} link how a chart is linked from the page the table goes to
 */
export function summaryTable(out, link = (svg) => svg) {
  const lines = ["| # | scenario | target | result | met | chart |", "|---|---|---|---|---|---|"];
  for (const r of out.scenarios) {
    const n = r.id.split("-")[0];
    const chart = r.svg ? `[svg](${link(r.svg)})` : "";
    if (r.checks?.length > 0 && !r.error) {
      for (const c of r.checks)
        lines.push(
          `| ${n} | ${r.title}: ${c.name} | ${c.target} | ${c.result} | ${metText(c.met)} | ${chart} |`,
        );
      continue;
    }
    lines.push(
      `| ${n} | ${r.title} | ${r.target ?? ""} | ${r.verdict ?? ""} | ${metText(r.met)}${r.missedBy ? ` (missed: ${r.missedBy})` : ""} | ${chart} |`,
    );
  }
  return lines.join("\n");
}

/** The run's one-line description (machine, load, duration), shared by both READMEs. */
export function runLine(out) {
  const m = out.machine;
  return `Run of ${out.generatedAt} on this machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, moto ${m.moto ?? "?"}; 1-minute load average ${m.loadAverage1mAtStart} at the start and ${m.loadAverage1mAtEnd} at the end; the whole run took ${out.totalSeconds} s${out.partialRun ? ` (a partial run of scenarios ${out.partialRun.join(", ")}; the other rows come from the previous run)` : ""}.`;
}

export function writeReadme(path, out) {
  const m = out.machine;
  const lines = [];
  lines.push("# awsconn benchmarks", "", INTRO.trim(), "");
  lines.push("## Results", "");
  lines.push(runLine(out));
  if (!out.awsconnAvailable)
    lines.push(
      "",
      `> awsconn could not be loaded in this run (${out.awsconnError}); only the peers were measured.`,
    );
  lines.push("", summaryTable(out));
  lines.push("");
  for (const r of out.scenarios) {
    lines.push(`## ${r.id.split("-")[0]}. ${r.title}`, "");
    if (r.svg) lines.push(`![${r.title}](${r.svg})`, "");
    const checked = r.checks?.length > 0;
    lines.push(`Target: ${r.target}. Met: ${metText(r.met)}.${checked ? "" : ` ${r.verdict ?? ""}`}`, "");
    if (r.missedBy && !checked)
      lines.push(`Missed by: ${r.missedBy}. What limits it: see the note at the end of this section.`, "");
    if (r.error) lines.push(`Error: \`${r.error}\``, "");
    if (r.checks?.length > 0) {
      lines.push("| check | target | result | met |", "|---|---|---|---|");
      for (const c of r.checks) lines.push(`| ${c.name} | ${c.target} | ${c.result} | ${metText(c.met)} |`);
      lines.push("");
    }
    const t = sideTable(r);
    if (t) lines.push(t, "");
    if (r.ratio) lines.push(`Ratio (${r.ratio.label}): ${r.ratio.value}.`, "");
    if (r.method) lines.push(`How: ${r.method}`, "");
    const note = NOTES[r.id];
    if (note) lines.push(note.trim(), "");
  }
  lines.push("## Versions", "", "| package | version |", "|---|---|");
  for (const [k, v] of Object.entries(m.versions)) lines.push(`| ${k} | ${v ?? "?"} |`);
  lines.push("");
  writeFileSync(path, lines.join("\n"));
}
