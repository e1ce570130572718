// Verdicts, the console summary and the table in fleet/README.md (between the fleet markers).
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const BEGIN = "<!-- fleet:begin (written by bench/fleet/run.mjs) -->";
const END = "<!-- fleet:end -->";

/** Targets of issue 18 item 6, each met / missed / n/a, from the results. */
export function verdicts(r) {
  const m = r.model;
  const a = r.sides?.find((s) => s.side === "awsconn" && !s.error);
  const c = r.cold && !r.cold.error ? r.cold : undefined;
  const out = [];
  if (c) {
    const ideal = m.coldBurst.idealSeconds;
    out.push(check("cold burst: failed lookups", c.cold.failedLookups, "0", c.cold.failedLookups === 0));
    const ratio = c.cold.allReadySeconds === null ? null : c.cold.allReadySeconds / ideal;
    const took = `${c.cold.allReadySeconds} s = ${ratio?.toFixed(2)}x the ideal ${ideal} s`;
    out.push(
      check(
        "cold burst: every member has every connection",
        ratio === null ? `not within ${3 * ideal} s` : took,
        "<= 1.5x",
        ratio !== null && ratio <= 1.5,
      ),
    );
    const calls = `${c.cold.callsForwarded} / ${c.cold.callsThrottled}`;
    out.push(check("cold burst: calls forwarded / throttled", calls, `${m.coldBurst.callsBatched} needed`));
  }
  if (a) {
    const limit = m.steady.awsconn.callsPerSecond;
    out.push(
      check(
        "steady: calls/s",
        a.steady.callsPerSecond,
        `<= P*ceil(K/10)/T = ${round(limit)}`,
        a.steady.callsPerSecond <= limit,
      ),
    );
    out.push(
      check(
        "steady: busiest second / mean",
        `${a.steady.busiestToMeanInFBins} (F-s bins at 1/F fleet, the full fleet's 1-s statistics); ${a.steady.busiestToMean} (1-s bins)`,
        "<= 2 (F-s bins)",
        a.steady.busiestToMeanInFBins !== null && a.steady.busiestToMeanInFBins <= 2,
      ),
    );
  }
  if (Array.isArray(r.misses)) {
    for (const row of r.misses)
      out.push(
        check(
          `misses ${row.source} ${row.manifest ? "with" : "without"} knownIds: calls/s`,
          row.result ?? row.callsPerSecond,
          "(measured)",
          undefined,
        ),
      );
  }
  if (r.rotation && !r.rotation.error) {
    const rot = r.rotation;
    out.push(check("rotation: failed calls", rot.failedCalls, "(measured; fewer is better)", undefined));
    out.push(
      check(
        "rotation: seconds until the new key is used",
        rot.secondsUntilNewKey ?? `not within ${rot.watchedSecondsAfterRotation} s`,
        "(measured)",
        undefined,
      ),
    );
  }
  return out;
}

function check(what, measured, target, met) {
  return { what, measured, target, met: met === undefined ? "n/a" : met ? "met" : "MISSED" };
}

/** Prints what the README gets: verdicts, the sides side by side, the paper model, misses, rotation. */
export function printSummary(r) {
  console.log(`\nfleet benchmark: ${r.scale?.note ?? ""}\n`);
  console.log(markdown(r));
}

/** Rewrites the generated part of fleet/README.md. */
export function renderReadme(r, file) {
  const text = existsSync(file) ? readFileSync(file, "utf8") : `# Fleet benchmark\n\n${BEGIN}\n${END}\n`;
  const i = text.indexOf(BEGIN);
  const j = text.indexOf(END);
  if (i < 0 || j < i) return;
  writeFileSync(file, `${text.slice(0, i + BEGIN.length)}\n${markdown(r)}\n${text.slice(j)}`);
}

function markdown(r) {
  const lines = [];
  const m = r.model;
  lines.push(
    `Run ${r.generatedAt} in ${r.totalSeconds} s on ${r.machine?.cores} cores (${r.machine?.cpu}), Node ${r.machine?.node}, load average ${r.machine?.loadAverage1mAtStart} -> ${r.machine?.loadAverage1mAtEnd} (the machine is shared). moto alone: ${r.motoCapacity?.getParametersPerSecond} GetParameters/s; time scale ${r.scale?.time}x, fleet scale 1/${r.scale?.fleet?.awsconn} (naive 1/${r.scale?.fleet?.naive}): moto serves at most ${r.scale?.quotaPerRealSecond} calls a real second (budget ${r.scale?.motoBudgetPerSecond}).`,
    "",
    "| target | measured | target | |",
    "|---|---|---|---|",
    ...verdicts(r).map((v) => `| ${v.what} | ${v.measured} | ${v.target} | ${v.met} |`),
    "",
    sidesTable(r),
    "",
    ...eventsLine(r),
    ...batchingLines(r),
    `Paper model (AWS quotas per account and region; P = ${m.fleet.P}, K = ${m.fleet.K}, T = ${m.fleet.T} s, L = ${m.fleet.L} s):`,
    "",
    "| way | calls/s | quota | share of quota | largest fleet before the quota binds |",
    "|---|---|---|---|---|",
    ...[
      ["awsconn (GetParameters, 10 a call, once per TTL)", m.steady.awsconn],
      ["Powertools (GetParameter per id per TTL)", m.steady.powertools],
      ["naive (GetParameter per lookup)", m.steady.naive],
      ["same fleet on Secrets Manager, GetSecretValue per id per TTL", m.secretsManager.getSecretValuePerId],
      [
        "same fleet on Secrets Manager, BatchGetSecretValue (20 a call)",
        m.secretsManager.batchGetSecretValue,
      ],
    ].map(
      ([name, l]) =>
        `| ${name} | ${round(l.callsPerSecond)} | ${l.quota} | ${pct(l.shareOfQuota)} | ${l.maxFleet} |`,
    ),
    "",
    `Cold start on paper: ${m.coldBurst.callsBatched} GetParameters calls = ${m.coldBurst.idealSeconds} s at 40 TPS (batched); one GetParameter per id: ${m.coldBurst.callsOneByOne} calls = ${m.coldBurst.idealSecondsOneByOne} s.`,
  );
  if (Array.isArray(r.misses)) {
    lines.push(
      "",
      `Misses: 100 lookups/s, each of a new id the backend does not hold (paper: ${m.misses.withoutManifest} calls/s without a manifest; with one, ${round(m.misses.withManifestSecretsManager, 3)} calls/s on Secrets Manager, ${round(m.misses.withManifestSsm, 3)} on SSM, per process):`,
      "",
      "| source | knownIds | lookups | calls/s | throttled | failed lookups | calls by operation |",
      "|---|---|---|---|---|---|---|",
      ...r.misses.map(
        (x) =>
          `| ${x.source} | ${x.manifest ? "refreshSeconds: 60" : "none"} | ${x.lookups} | ${x.result ?? x.callsPerSecond} | ${x.throttled ?? ""} | ${x.failed} | ${x.operations ? JSON.stringify(x.operations) : ""} |`,
      ),
    );
  }
  if (r.rotation && !r.rotation.error) {
    const x = r.rotation;
    lines.push(
      "",
      "Rotation (one STS call every 100 ms; keys rotated in Secrets Manager and the old key revoked at the same moment; cache ttlSeconds 300):",
      "",
      "| calls | failed calls | seconds until the new key is used | requests still signed with the old key | GetSecretValue calls |",
      "|---|---|---|---|---|",
      `| ${x.callsMade} | ${x.failedCalls} | ${x.secondsUntilNewKey ?? `not within ${x.watchedSecondsAfterRotation} s`} | ${x.requestsSignedWithOldKeyAfterRotation} | ${x.getSecretValueCalls} |`,
    );
  }
  return lines.join("\n");
}

function batchingLines(r) {
  if (!Array.isArray(r.refreshBatching)) return [];
  return [
    "Refresh batching in one process (manual clock, no load effects): GetParameters calls per TTL after the preload, 20 ids:",
    "",
    "| reads every | calls per TTL | ideal (ceil(K/10)) | calls by operation |",
    "|---|---|---|---|",
    ...r.refreshBatching.map(
      (x) =>
        `| ${x.readEverySeconds} s | ${x.callsPerTtl} | ${x.idealPerTtl} | ${JSON.stringify(x.operations)} |`,
    ),
    "",
  ];
}

function eventsLine(r) {
  const a = r.sides?.find((s) => s.side === "awsconn" && s.events);
  if (!a) return [];
  const parts = Object.entries(a.events).map(([k, n]) => `${k}: ${n}`);
  return [`awsconn's own events over the run (per id, x F): ${parts.join(", ") || "none"}.`, ""];
}

function sidesTable(r) {
  if (!r.sides) return "";
  const rows = [
    "Steady-state runs (3 TTLs; their start meets AWS's full burst at 1/F size, lenient: the strict cold burst is above):",
    "",
    "| side | members run (x F) | start: failed lookups | start: calls forwarded / throttled | start: all ready after (fleet s) | steady calls/s (forwarded) | busiest s / mean (1-s; F-s bins) | failed reads | worker CPU s | worker lag p99 / max (fleet s) |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const s of r.sides) {
    if (s.error) {
      rows.push(`| ${s.side} | ${s.error} | | | | | | | | |`);
      continue;
    }
    rows.push(
      `| ${s.side} | ${s.members} (x${s.fleetScale}) | ${s.cold.failedLookups} | ${s.cold.callsForwarded} / ${s.cold.callsThrottled} | ${s.cold.allReadySeconds ?? `not all (${s.cold.readyMembers} of ${s.members * s.fleetScale})`} | ${s.steady.callsPerSecond} (${s.steady.forwardedPerSecond}) | ${s.steady.busiestToMean}; ${s.steady.busiestToMeanInFBins} | ${s.steady.failedReads} of ${s.steady.reads} | ${s.workerCpuSeconds} | ${s.workerLagFleetSeconds.p99} / ${s.workerLagFleetSeconds.max} |`,
    );
  }
  return rows.join("\n");
}

function round(x, d = 2) {
  return Number(x.toFixed(d));
}
function pct(x) {
  return `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
}
