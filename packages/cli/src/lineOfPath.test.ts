import { describe, expect, it } from "vitest";
import { lineOfPath, splitPath } from "./lineOfPath.js";

describe("lineOfPath", () => {
  const yaml = "# c\nsources:\n  - type: env\n  - type: sm\n    region: x\ncache:\n  ttlSeconds: -1\n";
  it("finds keys and list items in YAML", () => {
    expect(lineOfPath(yaml, "sources[1].type")).toBe(4);
    expect(lineOfPath(yaml, "sources[1].region")).toBe(5);
    expect(lineOfPath(yaml, "cache.ttlSeconds")).toBe(7);
  });
  it("falls back to the deepest existing part, and works on JSON", () => {
    expect(lineOfPath(yaml, "sources[1].missing")).toBe(4);
    expect(lineOfPath('{\n  "a": {\n    "port": "x"\n  }\n}\n', ["a", "port"])).toBe(3);
  });
  it("splits key paths", () => {
    expect(splitPath("sources[2].type")).toEqual(["sources", 2, "type"]);
  });
});
