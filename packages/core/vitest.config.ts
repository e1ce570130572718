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
  test: { name: "@awsconn/core", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
