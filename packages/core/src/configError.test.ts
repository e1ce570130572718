import { describe, expect, it } from "vitest";
import { ConfigError } from "./errors.js";

describe("ConfigError", () => {
  it("names origin, line and path before the message", () => {
    const e = new ConfigError("expected boolean", {
      origin: "awsconn.yaml",
      line: 4,
      path: "cache.staleWhileRevalidate",
    });
    expect(e.message).toBe("awsconn.yaml:4: cache.staleWhileRevalidate: expected boolean");
    expect(e.problems).toEqual([
      { message: "expected boolean", path: "cache.staleWhileRevalidate", line: 4 },
    ]);
    expect(new ConfigError("bad", { origin: "f.json", path: "mode" }).message).toBe("f.json: mode: bad");
  });

  it("ConfigError.of lists every problem, one file:line: path: message per line", () => {
    const e = ConfigError.of(
      [
        { path: "sorces", line: 1, message: 'unknown key "sorces"; did you mean "sources"?' },
        { path: "sources[0].type", line: 3, message: "unknown source type" },
        { message: "no path" },
      ],
      "awsconn.yaml",
    );
    expect(e.message).toBe(
      "awsconn.yaml: 3 problems in the configuration:\n" +
        '  awsconn.yaml:1: sorces: unknown key "sorces"; did you mean "sources"?\n' +
        "  awsconn.yaml:3: sources[0].type: unknown source type\n" +
        "  awsconn.yaml: no path",
    );
    expect(e.problems).toHaveLength(3);
    expect(e.path).toBe("sorces");
    expect(e.line).toBe(1);
    expect(e.code).toBe("INVALID_CONFIG");
  });

  it("ConfigError.of of one problem is that problem", () => {
    const e = ConfigError.of([{ path: "mode", message: "bad" }]);
    expect(e.message).toBe("mode: bad");
    expect(e.problems).toEqual([{ path: "mode", message: "bad" }]);
  });
});
