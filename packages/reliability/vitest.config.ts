import { awsconnProject } from "../../vitest.project.js";

export default awsconnProject("@awsconn/reliability", {
  include: ["test/**/*.test.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
});
