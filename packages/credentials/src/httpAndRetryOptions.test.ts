import { ConnectionFormatError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { httpAndRetryOptions } from "./httpAndRetryOptions.js";

describe("httpAndRetryOptions", () => {
  it("maps botocore retries: max_attempts counts retries only, total_max_attempts counts all", () => {
    expect(httpAndRetryOptions({ retries: { max_attempts: 4 } }, undefined).maxAttempts).toBe(5);
    expect(httpAndRetryOptions({ retries: { max_attempts: 0 } }, undefined).maxAttempts).toBe(1);
    expect(
      httpAndRetryOptions({ retries: { max_attempts: 4, total_max_attempts: 2 } }, undefined).maxAttempts,
    ).toBe(2);
    expect(httpAndRetryOptions({ retries: { max_attempts: "3" } }, undefined).maxAttempts).toBe(4);
  });

  it("maps retry modes; legacy becomes standard with a warning", () => {
    expect(httpAndRetryOptions({ retries: { mode: "adaptive" } }, undefined).retryMode).toBe("adaptive");
    expect(httpAndRetryOptions({ retries: { mode: "standard" } }, undefined).retryMode).toBe("standard");
    const legacy = httpAndRetryOptions({ retries: { mode: "legacy" } }, undefined);
    expect(legacy.retryMode).toBe("standard");
    expect(legacy.warnings.join()).toMatch(/legacy/);
    expect(() => httpAndRetryOptions({ retries: { mode: "fast" } }, undefined)).toThrow(
      ConnectionFormatError,
    );
  });

  it("maps timeouts (seconds) and pool size onto the HTTP handler options", () => {
    const o = httpAndRetryOptions(
      { connect_timeout: 2.5, read_timeout: "30", max_pool_connections: 7 },
      undefined,
    );
    expect(o.http).toEqual({ connectionTimeoutMs: 2500, requestTimeoutMs: 30000, maxSockets: 7 });
    expect(o.warnings).toEqual([]);
  });

  it("maps verify: false (boolean or string) and CA bundle paths; true and absent need no handler", () => {
    expect(httpAndRetryOptions(undefined, false).http).toEqual({ rejectUnauthorized: false });
    expect(httpAndRetryOptions(undefined, "False").http).toEqual({ rejectUnauthorized: false });
    expect(httpAndRetryOptions(undefined, "/etc/ca.pem").http).toEqual({ caBundlePath: "/etc/ca.pem" });
    expect(httpAndRetryOptions(undefined, true).http).toBeUndefined();
    expect(httpAndRetryOptions(undefined, "true").http).toBeUndefined();
    expect(httpAndRetryOptions(undefined, undefined)).toEqual({ warnings: [] });
  });

  it("maps S3 path style, dual-stack, FIPS and user agent", () => {
    const o = httpAndRetryOptions(
      {
        s3: { addressing_style: "path" },
        use_dualstack_endpoint: true,
        use_fips_endpoint: "true",
        user_agent_extra: "etl/1",
        user_agent_appid: "app",
      },
      undefined,
    );
    expect(o).toMatchObject({
      forcePathStyle: true,
      useDualstackEndpoint: true,
      useFipsEndpoint: true,
      customUserAgent: "etl/1",
      userAgentAppId: "app",
    });
  });

  it("warns about botocore options it cannot apply, and about unknown ones with a suggestion", () => {
    const o = httpAndRetryOptions({ signature_version: "unsigned", conect_timeout: 1 }, undefined);
    expect(o.warnings).toEqual([
      "extra.config_kwargs.signature_version has no AWS SDK for JavaScript counterpart here and is not applied",
      'extra.config_kwargs.conect_timeout is not a botocore Config option and is ignored; did you mean "connect_timeout"?',
    ]);
  });

  it.each([
    [{ connect_timeout: "soon" }],
    [{ connect_timeout: -1 }],
    [{ retries: { max_attempts: 1.5 } }],
    [{ retries: { total_max_attempts: 0 } }],
    [{ retries: "3" }],
  ])("refuses %j", (kwargs) => {
    expect(() => httpAndRetryOptions(kwargs, undefined)).toThrow(ConnectionFormatError);
  });
});
