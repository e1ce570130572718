import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { loadConfigFile, readConfigFile } from "./loadConfigFile.js";

const dir = mkdtempSync(join(tmpdir(), "awsconn-config-"));
const SECRET = "Secr3tPLANTEDcfg";

function configErrorOf(path: string): ConfigError {
  try {
    loadConfigFile(path);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("loaded");
}

function expectHidden(error: ConfigError): void {
  for (const text of [error.message, error.stack ?? "", inspect(error, { depth: 10 }), JSON.stringify(error)])
    expect(text).not.toContain(SECRET);
}

describe("loadConfigFile: bad files and syntax errors", () => {
  it.runIf(process.platform !== "win32")("a FIFO or a device is refused at once", () => {
    const fifo = join(dir, "awsconn.config.yaml");
    execFileSync("mkfifo", [fifo]);
    expect(configErrorOf(fifo).message).toMatch(/FIFO.*not a regular file/);
    expect(configErrorOf("/dev/zero").message).toMatch(/device, not a regular file/);
  });

  it.each([
    ["tag.yaml", `sources:\n  - type: env\n    prefix: !${SECRET}\n`, /unresolved tag \(line 3, column 13\)/],
    [
      "quote.yaml",
      `sources:\n  - type: "env\n    prefix: ${SECRET}\n`,
      /unclosed quoted scalar \("\) opened at line 2, column 11/,
    ],
    ["alias.yaml", `sources:\n  - *${SECRET}\n`, /unresolved alias .* \(line 2, column 5\)/],
    [
      "bad.json",
      `{"sources": [{"type": "env", "prefix": ${SECRET}}]}`,
      /is not valid JSON: unexpected character \(line 1, column 40\)/,
    ],
    ["cut.json", `{"sources": [{"prefix": "${SECRET}`, /is not valid JSON: unterminated string/],
  ])("%s: the reason and place, never the text", (name, text, reason) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    const error = configErrorOf(path);
    expect(error.message).toMatch(reason);
    expectHidden(error);
  });
});

describe("loadConfigFile: plain YAML", () => {
  it("reads a plain file without the yaml package, and still gives a problem's line", () => {
    const path = join(dir, "plain.yaml");
    writeFileSync(path, "# deploy\nsources:\n  - type: env\n  - type: ssm   # prod\n    regoin: eu-west-1\n");
    const content = readConfigFile(path);

    expect(content.value).toEqual({ sources: [{ type: "env" }, { type: "ssm", regoin: "eu-west-1" }] });
    expect(content.lineOf(["sources", 1, "regoin"])).toBe(5);
    expect(content.lineOf(["sources", 0])).toBe(3);
  });

  it("reads what is beyond the plain subset with the yaml package, to the same value", () => {
    const path = join(dir, "anchored.yaml");
    writeFileSync(path, "base: &b\n  type: env\nsources:\n  - *b\n");

    expect(readConfigFile(path).value).toEqual({ base: { type: "env" }, sources: [{ type: "env" }] });
  });
});
