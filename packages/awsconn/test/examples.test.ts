import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { discoverConfig } from "../src/index.js";

// The configurations the README shows live in examples/config/; each must validate.
const dir = fileURLToPath(new URL("../../../examples/config/", import.meta.url));
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));

describe("examples/config", () => {
  it("has the four deployment layerings of the README", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "development.yaml",
        "ci.yaml",
        "production.yaml",
        "env-over-secrets-manager.yaml",
      ]),
    );
  });

  it.each(files)("%s is a valid configuration", (file) => {
    const { config } = discoverConfig(`${dir}${file}`, { env: {} });
    expect(config.sources.length).toBeGreaterThan(0);
  });
});
