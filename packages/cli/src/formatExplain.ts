import type { Palette } from "./color.js";
import {
  type CliResolver,
  configText,
  type ExplainStepLike,
  type ExplanationLike,
  winnerOf,
} from "./resolver.js";

function errorText(error: ExplainStepLike["error"]): string | undefined {
  if (error === undefined || error === null) return undefined;
  return [error.code ?? error.name, error.message].filter(Boolean).join(": ");
}

/** Rounds a time in ms to microseconds (3 decimals), as `--json` prints it. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Where a step's answer came from, in words: `live`, `call`, `fresh 12.5 s`, `stale 400 s`, `negative 2 s`. */
function cacheText(s: ExplainStepLike): string {
  if (s.cache === undefined) return s.outcome === "error" || s.outcome === "skipped" ? "" : "live";
  if (s.cache === "call") return "call";
  return `${s.cache} ${Number((s.ageSeconds ?? 0).toFixed(1))} s`;
}

/**
 * The `explain --json` object: the facade's explanation with errors reduced to name, code and
 * message, times rounded to microseconds, and the configuration used.
 *
 * @example
 * ```ts
 * explainJson(await resolver.explain("aws_default"), resolver).winner;
 * ```
 */
export function explainJson(
  e: ExplanationLike,
  resolver?: Pick<CliResolver, "config">,
): Record<string, unknown> {
  return {
    conn_id: e.connId,
    ...(resolver
      ? {
          config: {
            origin: resolver.config.origin,
            reason: resolver.config.reason,
            connection_parser: resolver.config.connectionParser,
          },
        }
      : {}),
    winner: winnerOf(e).source ? winnerOf(e) : null,
    steps: e.steps.map((s) => ({
      source: s.source,
      outcome: s.outcome,
      ms: s.ms === undefined ? null : roundMs(s.ms),
      origin: s.origin ?? null,
      ...(s.version !== undefined ? { version: s.version } : {}),
      cache: s.cache ?? "live",
      ...(s.ageSeconds !== undefined ? { age_seconds: roundMs(s.ageSeconds) } : {}),
      ...(s.error !== undefined
        ? {
            error: { name: s.error.name, code: s.error.code ?? null, message: s.error.message },
          }
        : {}),
    })),
    ...(e.fields !== undefined ? { fields: e.fields } : {}),
    ...(e.merged !== undefined ? { merged: e.merged } : {}),
  };
}

/**
 * The human form of `explain`: a summary line, then one row per source in priority order (outcome,
 * time, where the answer came from, origin or error), then, in merge mode, which layer gave each
 * field, and last the configuration used and why.
 *
 * @example
 * ```ts
 * explainText(explanation, palette(false), resolver);
 * ```
 */
export function explainText(e: ExplanationLike, c: Palette, resolver?: Pick<CliResolver, "config">): string {
  const w = winnerOf(e);
  const failed = e.steps.find((s) => s.outcome === "error");
  const layers = e.merged && e.merged.length > 1 ? e.merged.map((m) => m.source).join(" + ") : undefined;
  const found = layers
    ? `${c.bold(e.connId)}: ${c.green(`merged from ${layers}`)}`
    : `${c.bold(e.connId)}: ${c.green(`found in ${w.source}`)}${w.origin ? ` (${w.origin})` : ""}`;
  const head = w.source
    ? found
    : failed
      ? `${c.bold(e.connId)}: ${c.red(`lookup stopped: ${failed.source} failed`)}`
      : `${c.bold(e.connId)}: ${c.red("not found in any source")}`;
  const rows = e.steps.map((s, i) => [
    String(i + 1),
    s.source,
    s.outcome,
    s.ms === undefined ? "" : `${s.ms.toFixed(1)} ms`,
    cacheText(s),
    errorText(s.error) ?? s.origin ?? "",
  ]);
  const header = ["#", "source", "outcome", "time", "answer", "origin / error"];
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
  const config = resolver ? ["", c.dim(`configuration: ${configText(resolver)}`)] : [];
  return [head, `  ${c.dim(line(header))}`, ...body, ...fields, ...config].join("\n");
}
