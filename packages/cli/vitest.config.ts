import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@awsconn/source", "module", "node", "development|production"] },
  // Vitest runs tests in the SSR environment, whose conditions are separate: without these the
  // tests would import @awsconn/* from a possibly stale dist/ instead of src/.
  ssr: {
    resolve: {
      conditions: ["@awsconn/source", "node", "development|production"],
      externalConditions: ["@awsconn/source"],
    },
  },
  // The suites under test/ spawn the built binary (several node start-ups per test): allow for a busy machine.
  test: {
    name: "@awsconn/cli",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
