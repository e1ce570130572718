import { defineProject } from "vitest/config";

// Workspace packages resolve to their TypeScript sources through the "@awsconn/source" export
// condition. Vitest runs tests in Vite's SSR environment, which takes its conditions from
// ssr.resolve, so the condition is set there as well as in resolve.
export default defineProject({
  resolve: { conditions: ["@awsconn/source"] },
  ssr: { resolve: { conditions: ["@awsconn/source"], externalConditions: ["@awsconn/source"] } },
  test: { name: "@awsconn/source-file", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
