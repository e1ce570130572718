import { awsconnProject } from "../../vitest.project.js";

// Only integration suites (test/), with room for moto round trips, strace runs and 10,000-case properties.
export default awsconnProject("@awsconn/reliability", {
  include: ["test/**/*.test.ts"],
  testTimeout: 120_000,
  hookTimeout: 120_000,
});
