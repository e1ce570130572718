import type { TaskMeta } from "vitest";

/** One row of the fault summary printed by `npm run test:faults`. */
export interface ScenarioSummary {
  /** Requests that reached the fault proxy (retries included). */
  requests: number;
  /** What happened, in a few words (`"resolved after 2 throttles"`, `"SourceError ThrottlingException"`). */
  outcome: string;
  /** The slowest lookup of the scenario, ms. */
  worstMs: number;
}

declare module "vitest" {
  interface TaskMeta {
    /** Set by fault scenarios; read by faultSummaryReporter.ts. */
    faultSummary?: ScenarioSummary;
  }
}

/**
 * Stores a scenario's numbers on the test (`task.meta`), where the summary reporter finds them.
 *
 * @example
 * ```ts
 * it("throttled", async ({ task }) => { ...; recordScenario(task, { requests: 3, outcome: "resolved", worstMs }) });
 * ```
 */
export function recordScenario(task: { meta: TaskMeta }, summary: ScenarioSummary): void {
  task.meta.faultSummary = { ...summary, worstMs: Math.round(summary.worstMs) };
}

/**
 * Runs `fn` and returns its settled outcome and how long it took (ms).
 *
 * @example
 * ```ts
 * const { value, error, ms } = await timed(() => source.get("x"));
 * ```
 */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}
