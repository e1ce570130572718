import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { buildPath } from "./buildPath.js";
import { compileLookupPattern } from "./compileLookupPattern.js";
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

describe("compileLookupPattern: Python's re.match(pattern, id, re.IGNORECASE)", () => {
  it("reads Python's syntax: \\Z, {,n}, (?i), named groups", () => {
    expect([compileLookupPattern("aws\\Z")("aws"), compileLookupPattern("aws\\Z")("aws_x")]).toEqual([
      true,
      false,
    ]);
    expect(compileLookupPattern("a{,2}_")("aa_x")).toBe(true);
    expect(compileLookupPattern("(?i)(?P<env>prod|dev)_")("PROD_db")).toBe(true);
  });

  it("refuses what Python rejects and what JavaScript cannot match exactly, naming the path", () => {
    expect(() => compileLookupPattern("\\e", "sources[1].lookupPattern")).toThrow(
      /sources\[1\]\.lookupPattern: not a valid Python regular expression: bad escape \\e/,
    );
    expect(() => compileLookupPattern("\\N{EM DASH}", "sources[1].lookupPattern")).toThrow(ConfigError);
  });
});
