import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@awsconn/source"] },
  test: { name: "awsconn", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
