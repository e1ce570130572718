// A vitest reporter for `npm run test:faults`: after the run, prints one table of every fault
// scenario (tests that called recordScenario): scenario, requests sent, outcome, worst latency.
import type { Reporter, TestModule } from "vitest/node";
import type { ScenarioSummary } from "./test/support/scenario.js";

export default class FaultSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows: string[][] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const summary = (test.meta() as { faultSummary?: ScenarioSummary }).faultSummary;
        if (!summary) continue;
        const state = test.result().state;
        rows.push([
          test.fullName,
          String(summary.requests),
          state === "passed" ? summary.outcome : `${state.toUpperCase()}: ${summary.outcome}`,
          `${summary.worstMs} ms`,
        ]);
      }
    }
    if (rows.length === 0) return;
    const header = ["scenario", "requests sent", "outcome", "worst latency"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
    const out = [
      "",
      "Fault scenarios",
      line(header),
      `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
      ...rows.map(line),
      "",
    ];
    process.stdout.write(`${out.join("\n")}\n`);
  }
}
