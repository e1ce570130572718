import { fileURLToPath } from "node:url";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { expect, it } from "vitest";

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
