import { describe, expect, it } from "vitest";
import { buildPath } from "./buildPath.js";
import { TEAM_SEPARATOR } from "./TEAM_SEPARATOR.js";
import { trimPrefix } from "./trimPrefix.js";

describe("Airflow's naming rules for AWS secret names", () => {
  it("trimPrefix strips any of sep's characters from the end, as Python's rstrip(sep)", () => {
    expect(trimPrefix(undefined, "/")).toBe("");
    expect(trimPrefix("///", "/")).toBe("");
  });

  it("buildPath joins as written, as BaseSecretsBackend.build_path", () => {
    expect(buildPath("/airflow/connections", "x")).toBe("/airflow/connections/x");
    expect(buildPath("", "x")).toBe("/x");
    expect(buildPath("p", "x", "")).toBe("px");
    expect(buildPath("p", `t${TEAM_SEPARATOR}x`)).toBe("p/t--x");
  });
});
