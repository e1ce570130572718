import { awsconnProject } from "../../vitest.project.js";

// The suites under test/ spawn the built binary (several node start-ups per test): allow for a busy machine.
export default awsconnProject("@awsconn/cli", { testTimeout: 60_000, hookTimeout: 120_000 });
