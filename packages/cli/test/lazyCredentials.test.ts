import { fileURLToPath } from "node:url";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { expect, it } from "vitest";
import { requireBuiltBin, runBin } from "./runBin.js";

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

it("the built command, for an env connection, loads no lru-cache, child_process or fs/promises", async () => {
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
}, 60_000);
