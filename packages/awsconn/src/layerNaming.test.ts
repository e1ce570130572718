import { describe, expect, it } from "vitest";
import { isLiveSource, layerLabels } from "./layerNaming.js";

describe("layerNaming", () => {
  it("labels repeated names by their place in the list, others by their name", () => {
    expect(layerLabels(["env", "ssm", "file", "ssm"])).toEqual(["env", "ssm#2", "file", "ssm#4"]);
    expect(layerLabels([])).toEqual([]);
  });

  it("a source's own remote flag decides; else env and file are live, any other name is cached", () => {
    expect(isLiveSource({ name: "env" })).toBe(true);
    expect(isLiveSource({ name: "file" })).toBe(true);
    expect(isLiveSource({ name: "vault" })).toBe(false);
    expect(isLiveSource({ name: "vault", remote: false })).toBe(true);
    expect(isLiveSource({ name: "env", remote: true })).toBe(false);
  });
});
