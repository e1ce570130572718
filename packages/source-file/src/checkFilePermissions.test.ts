import type { Stats } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkFilePermissions } from "./checkFilePermissions.js";

const me = process.getuid?.() ?? 0;
const stats = (mode: number, uid = me) => ({ mode: 0o100000 | mode, uid }) as Stats;

describe("checkFilePermissions", () => {
  it("accepts a private file of the current user", () => {
    expect(checkFilePermissions("c.yaml", stats(0o600))).toEqual([]);
    expect(checkFilePermissions("c.yaml", stats(0o400))).toEqual([]);
  });

  it.each([
    [0o640, ["readable"]],
    [0o604, ["readable"]],
    [0o644, ["readable"]],
    [0o602, ["writable"]],
    [0o666, ["readable", "writable"]],
  ])("mode %o gives %j", (mode, kinds) => {
    expect(checkFilePermissions("c.yaml", stats(mode)).map((w) => w.kind)).toEqual(kinds);
  });

  it("flags a file owned by another user, and names path and mode in messages", () => {
    const warnings = checkFilePermissions("conf/c.yaml", stats(0o644, me + 1));
    expect(warnings.map((w) => w.kind)).toEqual(["readable", "owner"]);
    expect(warnings[0]?.message).toContain("conf/c.yaml");
    expect(warnings[0]?.message).toContain("mode 644");
  });

  it("says nothing on Windows", () => {
    expect(checkFilePermissions("c.yaml", stats(0o666, me + 1), "win32")).toEqual([]);
  });
});
