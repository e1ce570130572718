import { defineConfig } from "vitest/config";

// One run for the whole workspace: each package under packages/ (and the example plugin) is a
// project with its own vitest.config.ts. The moto server for the AWS integration suites is started once by the
// global setup in @awsconn/testkit and stopped after the run.
export default defineConfig({
  test: {
    projects: ["packages/*", "examples/plugin-source"],
    globalSetup: ["packages/testkit/src/globalSetup.ts"],
  },
});
