import { describe, expect, it } from "vitest";
import { wantsColor } from "./color.js";

describe("wantsColor", () => {
  it("only on a TTY, never with NO_COLOR or --no-color", () => {
    expect(wantsColor({ isTTY: true }, {}, undefined)).toBe(true);
    expect(wantsColor({ isTTY: false }, {}, undefined)).toBe(false);
    expect(wantsColor({}, {}, true)).toBe(false);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: "1" }, undefined)).toBe(false);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: "" }, undefined)).toBe(true);
    expect(wantsColor({ isTTY: true }, {}, false)).toBe(false);
  });
});
