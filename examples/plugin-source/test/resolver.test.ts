// The example plugin through awsconn, the way a user configures it: the committed
// awsconn.config.yaml of this folder (env above the plugin), read from another working directory.
import { fileURLToPath } from "node:url";
import { createResolver } from "awsconn";
import { afterEach, describe, expect, it, vi } from "vitest";

const CONFIG = fileURLToPath(new URL("../awsconn.config.yaml", import.meta.url));

describe("awsconn-source-dir in a resolver", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("answers from connections.d below the environment, read live", async () => {
    const resolver = createResolver(CONFIG, { env: {}, cwd: "/" });
    const result = await resolver.resolve("warehouse");
    expect(result.source).toBe("dir");
    expect(result.origin).toMatch(/^dir:.*examples\/plugin-source\/connections\.d\/warehouse\.json$/);
    expect(result.connection).toMatchObject({
      connType: "postgres",
      host: "warehouse.example.internal",
      port: 5432,
    });
    const explained = await resolver.explain("api");
    expect(explained.steps.map((s) => [s.source, s.outcome])).toEqual([
      ["env", "miss"],
      ["dir", "hit"],
    ]);
    expect(explained.steps[1]).not.toHaveProperty("cache");
  });

  it("an AIRFLOW_CONN_* variable still wins over the folder", async () => {
    vi.stubEnv("AIRFLOW_CONN_WAREHOUSE", "postgres://me@localhost/dwh");
    const resolver = createResolver(CONFIG, { env: {}, cwd: "/" });
    expect((await resolver.resolve("warehouse")).source).toBe("env");
  });
});
