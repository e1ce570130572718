import { defineProject } from "vitest/config";

// Workspace packages resolve to their TypeScript sources through the "@awsconn/source" export
// condition. Vitest runs tests in Vite's server (ssr) environment, whose conditions are set
// apart from `resolve.conditions`: without `ssr.resolve.conditions` the tests would import the
// other packages' dist/ builds (stale, or missing while a package is being rebuilt).
const conditions = ["@awsconn/source", "node", "development|production"];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { name: "awsconn", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
