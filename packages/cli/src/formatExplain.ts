import type { Palette } from "./color.js";
import { type ExplainStepLike, type ExplanationLike, winnerOf } from "./resolver.js";

function errorText(error: ExplainStepLike["error"]): string | undefined {
  if (error === undefined || error === null) return undefined;
  return [error.code ?? error.name, error.message].filter(Boolean).join(": ");
}

/**
 * The `explain --json` object: the facade's explanation with errors reduced to name, code and message.
 *
 * @example
 * ```ts
 * explainJson(await resolver.explain("aws_default")).winner;
 * ```
 */
export function explainJson(e: ExplanationLike): Record<string, unknown> {
  return {
    conn_id: e.connId,
    winner: winnerOf(e).source ? winnerOf(e) : null,
    steps: e.steps.map((s) => ({
      source: s.source,
      outcome: s.outcome,
      ms: s.ms ?? null,
      origin: s.origin ?? null,
      ...(s.error !== undefined
        ? {
            error: { name: s.error.name, code: s.error.code ?? null, message: s.error.message },
          }
        : {}),
    })),
    ...(e.fields !== undefined ? { fields: e.fields } : {}),
  };
}

/**
 * The human form of `explain`: a summary line, then one row per source in priority order.
 *
 * @example
 * ```ts
 * explainText(explanation, palette(false));
 * ```
 */
export function explainText(e: ExplanationLike, c: Palette): string {
  const w = winnerOf(e);
  const failed = e.steps.find((s) => s.outcome === "error");
  const head = w.source
    ? `${c.bold(e.connId)}: ${c.green(`found in ${w.source}`)}${w.origin ? ` (${w.origin})` : ""}`
    : failed
      ? `${c.bold(e.connId)}: ${c.red(`lookup stopped: ${failed.source} failed`)}`
      : `${c.bold(e.connId)}: ${c.red("not found in any source")}`;
  const rows = e.steps.map((s, i) => [
    String(i + 1),
    s.source,
    s.outcome,
    s.ms === undefined ? "" : `${s.ms.toFixed(1)} ms`,
    errorText(s.error) ?? s.origin ?? "",
  ]);
  const header = ["#", "source", "outcome", "time", "origin / error"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const colour = (outcome: string, text: string) =>
    outcome.startsWith("hit") ? c.green(text) : outcome.startsWith("error") ? c.red(text) : text;
  const body = rows.map((r, i) => `  ${colour(e.steps[i]?.outcome ?? "", line(r))}`);
  const fieldRows = Object.entries(e.fields ?? {});
  const keyWidth = Math.max(0, ...fieldRows.map(([k]) => k.length));
  const fields = fieldRows.length
    ? [
        "",
        c.dim("each field comes from:"),
        ...fieldRows.map(([k, v]) => `  ${k.padEnd(keyWidth)}  ${String(v)}`),
      ]
    : [];
  return [head, `  ${c.dim(line(header))}`, ...body, ...fields].join("\n");
}
