import { describe, expect, it } from "vitest";
import { protectExecCommand } from "./protectExecCommand.js";
import { createProgram } from "./program.js";

const program = createProgram({ stdout: process.stdout, stderr: process.stderr, env: {} }, { code: 0 });
const protect = (...args: string[]) => protectExecCommand(args, program);

describe("protectExecCommand", () => {
  it("puts -- before the program, after exec's and the global options with their values", () => {
    expect(protect("exec", "aws_default", "aws", "s3", "ls", "--json")).toEqual([
      "exec",
      "aws_default",
      "--",
      "aws",
      "s3",
      "ls",
      "--json",
    ]);
    expect(
      protect("--config", "c.yaml", "-q", "exec", "--service", "s3", "x", "--serve", "tf", "-v"),
    ).toEqual(["--config", "c.yaml", "-q", "exec", "--service", "s3", "x", "--serve", "--", "tf", "-v"]);
    expect(protect("exec", "--service=s3", "x", "tf")).toEqual(["exec", "--service=s3", "x", "--", "tf"]);
  });

  it("leaves a line with -- already, another command, or no program as it is", () => {
    expect(protect("exec", "x", "--", "tf", "--json")).toEqual(["exec", "x", "--", "tf", "--json"]);
    expect(protect("get", "x", "--json")).toEqual(["get", "x", "--json"]);
    expect(protect("exec", "x")).toEqual(["exec", "x"]);
    expect(protect("--config", "exec", "get", "x")).toEqual(["--config", "exec", "get", "x"]);
  });
});
