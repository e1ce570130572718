import { ConfigError } from "@awsconn/core";
import { describe, expect, it, vi } from "vitest";

// An app bundle carries no zod (requireZod is not followed by bundlers): parseConfig then names
// quickConfig's first problem. Here zod is made unavailable the way a bundle finds it: not there.
vi.mock("./requireZod.js", () => ({ requireZod: () => undefined }));
const { parseConfig } = await import("./parseConfig.js");
const { createResolver } = await import("./createResolver.js");

describe("parseConfig where zod is not installed", () => {
  it("takes a valid configuration as with zod", () => {
    expect(
      parseConfig({ sources: [{ type: "secretsmanager", endpoint: "http://localhost:4566" }] }).sources,
    ).toEqual([{ type: "secretsmanager", endpoint: "http://localhost:4566" }]);
    expect(() => createResolver({ sources: [{ type: "env" }] })).not.toThrow();
  });

  it("names the first problem, its line, and that zod would name them all", () => {
    const error = (() => {
      try {
        parseConfig({ sources: [{ type: "ssm", lookupPattern: "(" }] }, "awsconn.yaml", { lineOf: () => 4 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      {
        path: "sources[0].lookupPattern",
        line: 4,
        message:
          'is not a valid regular expression, got "(" (the first problem found; with the zod package installed, every problem is named)',
      },
    ]);
    expect((error as Error).message).toContain(
      "awsconn.yaml:4: sources[0].lookupPattern: is not a valid regular expression",
    );
  });

  it("still refuses a code-only key in a file, beside the first problem", () => {
    expect(() =>
      parseConfig({ clock: { now: () => 0 }, mode: "last" }, "awsconn.yaml", { lineOf: () => 2 }),
    ).toThrow(
      /clock: unknown key "clock" \(only allowed in code\)[\s\S]*mode: expected one of first, merge, got "last"/,
    );
  });

  it("suggests the nearest name, as with zod", () => {
    expect(() => createResolver({ sorces: [] } as never)).toThrow(
      'unknown key "sorces" (did you mean "sources"?)',
    );
  });
});
