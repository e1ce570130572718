import { describe, expect, it } from "vitest";
import { newBearerToken, tokenMatches } from "./bearerToken.js";

describe("bearer token", () => {
  it("is 32 random bytes in base64url, different each time", () => {
    const tokens = new Set(Array.from({ length: 100 }, newBearerToken));
    expect(tokens.size).toBe(100);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, "base64url")).toHaveLength(32);
    }
  });

  it("matches exactly the token, as is or after Bearer", () => {
    const token = newBearerToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(tokenMatches(`bearer  ${token}`, token)).toBe(true);
    for (const wrong of [
      undefined,
      "",
      "Bearer ",
      token.slice(1),
      `${token}x`,
      ` ${token}`,
      token.toUpperCase(),
      newBearerToken(),
    ]) {
      expect(tokenMatches(wrong, token)).toBe(false);
    }
    expect(tokenMatches([token], token)).toBe(false);
    expect(tokenMatches("", "")).toBe(false);
  });
});
