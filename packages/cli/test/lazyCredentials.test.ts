import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { expect, it } from "vitest";
import { BIN, cleanEnv, requireBuiltBin, runBin } from "./runBin.js";

/** Node built-ins a bare `node -e 0` does not load either, which stdout's stream for a pipe would. */
const NOT_AT_START = new Set([
  "net",
  "stream",
  "tty",
  "internal/streams/readable",
  "internal/streams/writable",
]);

// Issue 17: `awsconn credentials <id> --format process` runs on every credential refresh of a
// profile's credential_process; for an env connection it loads only the credentials command.
it("credentials --format process for an env connection loads no other command, no zod, yaml or AWS SDK", async () => {
  const trace = await traceModuleLoads(
    fileURLToPath(new URL("./fixtures/credentialsEnv.ts", import.meta.url)),
  );
  const loaded = [...trace.esm, ...trace.cjs];

  expect(loaded.some((m) => m.endsWith("/cli/src/commands/credentials.ts"))).toBe(true);
  expect(loaded.filter((m) => /\/cli\/src\/commands\//.test(m) && !m.endsWith("/credentials.ts"))).toEqual(
    [],
  );
  expect(loaded.filter((m) => /\/node_modules\/(zod|yaml|@aws-sdk|@smithy\/(?!types))\//.test(m))).toEqual(
    [],
  );
}, 60_000);

it("the built command, for an env connection, loads no lru-cache, child_process, fs/promises or streams", async () => {
  requireBuiltBin();
  const hook = fileURLToPath(new URL("./fixtures/reportLoads.cjs", import.meta.url));
  const result = await runBin(["credentials", "aws_env", "--format", "process"], {
    env: {
      NODE_OPTIONS: `--require ${hook}`,
      AIRFLOW_CONN_AWS_ENV: "aws://AKIDEXAMPLE:planted-secret@?region_name=eu-west-1",
      AWSCONN_COMPILE_CACHE: "off",
    },
  });
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout).AccessKeyId).toBe("AKIDEXAMPLE");
  const line = result.stderr.split("\n").find((l) => l.startsWith("awsconn-loads "));
  const { builtins, files } = JSON.parse(line?.slice("awsconn-loads ".length) ?? "{}");
  // The CLI framework requires child_process at its top, the credentials package fs/promises: the
  // bundle requires both on first use (scripts/bundleCommand.mjs); the AWS configuration memo is
  // a plain bounded Map.
  expect(builtins).not.toContain("child_process");
  expect(builtins).not.toContain("fs/promises");
  expect(files.filter((f: string) => f.includes("/lru-cache/"))).toEqual([]);
  // stdout, a pipe here as for a credential_process, is written with fs.writeSync: Node's stream
  // for a pipe would load net and the stream modules (cli/src/lazyOutput.ts).
  expect(builtins.filter((m: string) => NOT_AT_START.has(m))).toEqual([]);
}, 60_000);

it("a reader of stdout that goes away (awsconn list | head -1) ends the command quietly, exit 0", async () => {
  requireBuiltBin();
  const env = cleanEnv({ AIRFLOW_CONN_ONE: "postgres://h1", AIRFLOW_CONN_TWO: "postgres://h2" });
  const child = spawn(process.execPath, [BIN, "list"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  expect(stderr).not.toMatch(/error/i);
  expect(code).toBe(0);
}, 60_000);
