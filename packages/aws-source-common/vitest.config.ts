import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@awsconn/source"] },
  // Vitest runs tests in Vite's SSR environment: without this, workspace packages resolve to
  // dist/ (and fail before a build) instead of their TypeScript sources.
  ssr: { resolve: { conditions: ["@awsconn/source"] } },
  test: { name: "@awsconn/aws-source-common", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
