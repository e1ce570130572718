import { closestMatch, KNOWN_EXTRA_KEYS } from "@awsconn/core";
import { describe, expect, it } from "vitest";

describe("closestMatch against the known extra keys", () => {
  it.each([
    ["region", "region_name"],
    ["regionname", "region_name"],
    ["endpoint", "endpoint_url"],
    ["role", "role_arn"],
    ["rolearn", "role_arn"],
    ["aws_acess_key_id", "aws_access_key_id"],
    ["Profile_Name", "profile_name"],
    ["verify_ssl", "verify"],
    ["web_identity_token_file", "assume_role_with_web_identity_token_file"],
    ["assume_role_kwarg", "assume_role_kwargs"],
    ["config", "config_kwargs"],
  ])("%s -> %s", (typo, expected) => {
    expect(closestMatch(typo, KNOWN_EXTRA_KEYS)).toBe(expected);
  });

  it.each(["foo", "spam", "xyzzy_quux"])("%s has no close key", (word) => {
    expect(closestMatch(word, KNOWN_EXTRA_KEYS)).toBeUndefined();
  });
});
