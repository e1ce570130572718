import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shellQuote } from "./shellQuote.js";

// Feeds `X=<quoted>` to a real POSIX shell and reads back what the shell assigned.
function throughShell(values: string[]): string[] {
  const script = values.map((v, i) => `X${i}=${shellQuote(v)}; printf '%s\\0' "$X${i}"`).join("\n");
  const out = execFileSync("sh", ["-c", script], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

describe("shellQuote", () => {
  it("a real sh reads back exactly the value, for hostile strings", () => {
    const hostile = [
      "",
      "a b",
      "it's",
      "$(touch /tmp/pwned)",
      "`id`",
      "a\nb",
      "\\",
      '"',
      "*",
      "~",
      "x;y",
      "$HOME",
      "'",
    ];
    expect(throughShell(hostile)).toEqual(hostile);
  });

  it("round-trips arbitrary strings through sh (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: "grapheme" }).map((s) => s.replace(/\0/g, "")),
          { maxLength: 8 },
        ),
        (values) => {
          expect(throughShell(values)).toEqual(values);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("leaves plain key material bare and quotes everything else", () => {
    expect(shellQuote("AKIAIOSFODNN7EXAMPLE")).toBe("AKIAIOSFODNN7EXAMPLE");
    expect(shellQuote("a b")).toBe("'a b'");
  });
});
