import { defineProject, type UserWorkspaceConfig } from "vitest/config";

type ProjectTestOptions = NonNullable<UserWorkspaceConfig["test"]>;

// Workspace packages export their TypeScript sources under the "@awsconn/source" condition, so
// tests run against src/ and need no build. Vitest runs tests in Vite's SSR environment, whose
// conditions are set apart from `resolve.conditions`: both are set, or the tests would silently
// import a stale (or missing) dist/. "module" stays out of the SSR list: it breaks @aws-sdk imports.
const conditions = ["@awsconn/source", "node", "development|production"];

/**
 * Which suites run: `unit` (AWSCONN_TEST_SCOPE=unit, `npm run test:unit`) keeps only the unit tests
 * beside the code, which need no moto server and no built CLI; otherwise every suite runs.
 */
const UNIT_ONLY = process.env.AWSCONN_TEST_SCOPE === "unit";

/**
 * The vitest project of one workspace package: unit tests beside the code (`src/**\/*.test.ts`,
 * no moto, no built binary) and integration suites in `test/`.
 *
 * @example
 * ```ts
 * export default awsconnProject("@awsconn/core");
 * ```
 */
export function awsconnProject(name: string, test: ProjectTestOptions = {}) {
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ["@awsconn/source"] } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      ...test,
      ...(UNIT_ONLY
        ? { include: (test.include ?? ["src/**/*.test.ts"]).filter((p) => p.startsWith("src/")) }
        : {}),
    },
  });
}
