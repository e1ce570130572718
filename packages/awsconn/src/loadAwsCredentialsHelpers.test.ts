import { createConnection } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { loadAwsCredentialsHelpers } from "./loadAwsCredentialsHelpers.js";

describe("loadAwsCredentialsHelpers", () => {
  it("returns working readAwsConnection and serviceEndpoint (STS endpoint only from service_config)", async () => {
    const { readAwsConnection, serviceEndpoint } = await loadAwsCredentialsHelpers();
    const connection = createConnection({
      connId: "aws_default",
      connType: "aws",
      extra: {
        endpoint_url: "http://wide.example",
        service_config: { sts: { endpoint_url: "http://sts.example" } },
      },
    });
    const settings = readAwsConnection(connection);

    expect(serviceEndpoint(settings, "s3")).toBe("http://wide.example");
    expect(serviceEndpoint(settings, "sts", { forAssumeRole: true })).toBe("http://sts.example");
  });
});
