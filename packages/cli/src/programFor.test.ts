import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CliIO } from "./Output.js";
import { createProgram } from "./program.js";
import { programFor } from "./programFor.js";

function capture(): { io: CliIO; text: () => string } {
  let text = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { io: { stdout: sink, stderr: sink, env: {} }, text: () => text };
}

describe("programFor: the credentials command is loaded alone, everything else gets the whole tree", () => {
  it("credentials (after global options and their values) gets the one command", async () => {
    for (const args of [
      ["credentials", "aws_default", "--format", "process"],
      ["--config", "credentials", "credentials", "aws_default"],
      ["-q", "--config=c.yaml", "credentials", "aws_default"],
    ]) {
      const program = await programFor(args, capture().io, { code: 0 });

      expect(program.commands.map((c) => c.name())).toEqual(["credentials"]);
    }
  });

  it("any other command line gets every command", async () => {
    const all = createProgram(capture().io, { code: 0 }).commands.map((c) => c.name());
    for (const args of [
      ["get", "x"],
      ["--config", "c.yaml", "list"],
      ["help", "credentials"],
      ["--help"],
      [],
      ["--", "credentials"],
    ]) {
      const program = await programFor(args, capture().io, { code: 0 });

      expect(program.commands.map((c) => c.name())).toEqual(all);
    }
  });

  it("`credentials --help` reads the same as in the whole tree", async () => {
    const help = async (program: Promise<import("commander").Command>, out: () => string) => {
      await (await program).parseAsync(["credentials", "--help"], { from: "user" }).catch(() => undefined);
      return out();
    };
    const lean = capture();
    const whole = capture();

    const leanHelp = await help(programFor(["credentials", "--help"], lean.io, { code: 0 }), lean.text);
    const wholeHelp = await help(Promise.resolve(createProgram(whole.io, { code: 0 })), whole.text);

    expect(leanHelp).toContain("--format <format>");
    expect(leanHelp).toBe(wholeHelp);
  });
});
