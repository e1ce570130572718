import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { assertAwsPackages } from "./assertAwsPackages.js";
import { createResolver } from "./createResolver.js";

// A resolver that finds no package of the given names (as Node's require.resolve reports it).
const without =
  (...absent: string[]) =>
  (name: string) => {
    if (absent.includes(name))
      throw Object.assign(new Error(`Cannot find module '${name}'`), { code: "MODULE_NOT_FOUND" });
    return `/node_modules/${name}/index.js`;
  };

describe("assertAwsPackages (the AWS SDK clients are optional peer dependencies)", () => {
  it("a Secrets Manager entry without its client is a ConfigError naming the entry and the npm install", () => {
    const error = (() => {
      try {
        assertAwsPackages(
          { type: "secretsmanager" },
          "sources[1]",
          without("@aws-sdk/client-secrets-manager"),
        );
      } catch (e) {
        return e;
      }
    })();

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).path).toBe("sources[1]");
    expect((error as Error).message).toContain("npm install @aws-sdk/client-secrets-manager");
  });

  it("an SSM entry names @aws-sdk/client-ssm; a profile or role also needs @aws-sdk/credential-providers", () => {
    expect(() => assertAwsPackages({ type: "ssm" }, "sources[0]", without("@aws-sdk/client-ssm"))).toThrow(
      /needs @aws-sdk\/client-ssm, which is not installed; run: npm install @aws-sdk\/client-ssm$/,
    );
    expect(() =>
      assertAwsPackages(
        { type: "ssm", profile: "ops" },
        "sources[0]",
        without("@aws-sdk/client-ssm", "@aws-sdk/credential-providers"),
      ),
    ).toThrow("npm install @aws-sdk/client-ssm @aws-sdk/credential-providers");
    expect(() =>
      assertAwsPackages({ type: "ssm" }, "sources[0]", without("@aws-sdk/credential-providers")),
    ).not.toThrow();
  });

  it("inside a bundle (awsconn itself does not resolve: no node_modules) nothing is checked", () => {
    const bundled = without("awsconn/package.json", "@aws-sdk/client-secrets-manager", "@aws-sdk/client-ssm");

    expect(() => assertAwsPackages({ type: "secretsmanager" }, "sources[0]", bundled)).not.toThrow();
    expect(() =>
      assertAwsPackages({ type: "ssm", roleArn: "arn:aws:iam::1:role/r" }, "sources[0]", bundled),
    ).not.toThrow();
  });

  it("any other resolution failure is not hidden", () => {
    const broken = () => {
      throw Object.assign(new Error("bad exports"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
    };

    expect(() => assertAwsPackages({ type: "ssm" }, "sources[0]", broken)).toThrow("bad exports");
  });

  it("with the clients installed (this workspace), a resolver over both AWS sources is created and loads nothing", () => {
    expect(() =>
      createResolver({
        sources: [{ type: "secretsmanager", roleArn: "arn:aws:iam::1:role/r" }, { type: "ssm" }],
      }),
    ).not.toThrow();
    expect(() => assertAwsPackages({ type: "secretsmanager", profile: "p" }, "sources[0]")).not.toThrow();
  });
});
