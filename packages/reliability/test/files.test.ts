// Bad files (issue 14, items 5 and 8): only regular files are read, the size limit holds while
// reading, YAML aliases cost linear time, and a connections file rewritten in place while lookups
// run never makes a lookup fall through to a lower source. Rows of the `npm run test:faults` table.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, ConnectionFormatError, type ConnectionSource, createConnection } from "@awsconn/core";
import { fromFile } from "@awsconn/source-file";
import { createResolver } from "awsconn";
import { describe, expect, it } from "vitest";
import { recordScenario, timed } from "./support/scenario.js";

const dir = mkdtempSync(join(tmpdir(), "awsconn-files-"));
const POSIX = process.platform !== "win32";

/** A source below the file that answers every id: any answer from it is a fall-through. */
const lower: ConnectionSource = {
  name: "lower",
  get: async (connId) => ({
    connection: createConnection({ connId, host: "lower.internal" }),
    origin: "lower",
  }),
};

describe.runIf(POSIX)("only regular files are read", () => {
  it("a FIFO as the connections file is a ConnectionFormatError at once (no writer ever comes)", async ({
    task,
  }) => {
    const fifo = join(dir, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const resolver = createResolver({ sources: [fromFile({ path: fifo }), lower] });
    const { error, ms } = await timed(() => resolver.get("x"));
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect((error as Error).message).toMatch(/FIFO/);
    recordScenario(task, { requests: 1, outcome: "ConnectionFormatError (FIFO), no hang", worstMs: ms });
  });

  it("/dev/zero as the connections file is refused before a byte is read: memory stays flat", async ({
    task,
  }) => {
    const rss = process.memoryUsage().rss;
    const { error, ms } = await timed(() => fromFile({ path: "/dev/zero" }).get("x"));
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
    recordScenario(task, {
      requests: 1,
      outcome: "ConnectionFormatError (device), memory flat",
      worstMs: ms,
    });
  });

  it("a FIFO as the config file is a ConfigError at once", async ({ task }) => {
    const fifo = join(dir, "awsconn.config.yaml");
    execFileSync("mkfifo", [fifo]);
    const started = performance.now();
    expect(() => createResolver(fifo)).toThrow(ConfigError);
    recordScenario(task, {
      requests: 0,
      outcome: "ConfigError (FIFO), no hang",
      worstMs: performance.now() - started,
    });
  });
});

describe("YAML aliases cost linear time", () => {
  function aliasFile(n: number): string {
    const path = join(dir, `aliases-${n}.yaml`);
    let text =
      "base:\n  conn_type: http\n  extra: &defaults {region_name: eu-west-1, retries: 3, verify: true}\n";
    for (let i = 0; i < n; i++) text += `c_${i}:\n  conn_type: http\n  host: h${i}\n  extra: *defaults\n`;
    writeFileSync(path, text);
    return path;
  }

  it("1,000 -> 8,000 `extra: *defaults` entries: time grows about 8x, not 64x", async ({ task }) => {
    const small = aliasFile(1000);
    const large = aliasFile(8000);
    const best = async (path: string, runs: number) => {
      let min = Number.POSITIVE_INFINITY;
      for (let i = 0; i < runs; i++) {
        const { value, ms } = await timed(() => fromFile({ path }).get("c_0"));
        expect(value?.connection.extra).toMatchObject({ region_name: "eu-west-1" });
        min = Math.min(min, ms);
      }
      return min;
    };
    await best(small, 2); // warm up
    const tSmall = await best(small, 5);
    const tLarge = await best(large, 3);
    const ratio = tLarge / tSmall;
    // Linear is 8; the quadratic resolution this replaces gave about 64 (48 s for 4,000).
    expect(ratio, JSON.stringify({ tSmall, tLarge })).toBeLessThan(24);
    recordScenario(task, {
      requests: 0,
      outcome: `ratio ${ratio.toFixed(1)} for 8x the aliases (${Math.round(tSmall)} -> ${Math.round(tLarge)} ms)`,
      worstMs: tLarge,
    });
  }, 120_000);
});

describe("a connections file rewritten in place while lookups run", () => {
  it("no lookup falls through to the lower source: each is the file's value or a ConnectionFormatError", async ({
    task,
  }) => {
    const path = join(dir, "rewritten.yaml");
    let text = "";
    for (let i = 0; i < 400; i++) text += `filler_${i}: http://u:p@filler-${i}.internal:80/x\n`;
    text += "target: http://u:p@file.internal:80/x\n"; // last: a half-written file lacks it
    writeFileSync(path, text);
    // The writer truncates, writes the first half, pauses, writes the rest: the worst in-place writer.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const fs = require("node:fs"); const t = ${JSON.stringify(text)}; const half = t.length >> 1;
         const pause = new Int32Array(new SharedArrayBuffer(4)); const end = Date.now() + 4000;
         while (Date.now() < end) { const fd = fs.openSync(${JSON.stringify(path)}, "w");
           fs.writeSync(fd, t.slice(0, half)); Atomics.wait(pause, 0, 0, 2); fs.writeSync(fd, t.slice(half));
           fs.closeSync(fd); Atomics.wait(pause, 0, 0, 1); }`,
      ],
      { stdio: "ignore" },
    );
    const exited = new Promise((resolve) => writer.once("exit", resolve));
    const resolver = createResolver({ sources: [fromFile({ path }), lower] });
    const tally = { file: 0, lower: 0, refused: 0, other: 0 };
    let worst = 0;
    let running = true;
    void exited.then(() => {
      running = false;
    });
    while (running) {
      const { value, error, ms } = await timed(() => resolver.resolve("target"));
      worst = Math.max(worst, ms);
      if (error instanceof ConnectionFormatError) tally.refused++;
      else if (error) tally.other++;
      else if (value?.source === "lower") tally.lower++;
      else tally.file++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(tally.lower, JSON.stringify(tally)).toBe(0);
    expect(tally.other, JSON.stringify(tally)).toBe(0);
    expect(tally.file).toBeGreaterThan(0);
    recordScenario(task, {
      requests: tally.file + tally.refused,
      outcome: `${tally.file} from the file, ${tally.refused} refused (fail closed), 0 fell through`,
      worstMs: worst,
    });
  }, 30_000);
});
