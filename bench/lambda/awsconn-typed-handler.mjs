// Lambda-shaped handler with awsconn's createResolver and a { type: "secretsmanager" } entry: the
// aws_default connection from Secrets Manager, and an S3 client built from getAwsClientConfig.
// createResolver knows every source type and reads configuration files, so its bundle holds them all
// (reported beside the composeResolver handler). Bundled by scenario 9 (esbuild); BENCH_SM_ENDPOINT is moto.
import { S3Client } from "@aws-sdk/client-s3";
import { createResolver } from "awsconn";

const resolver = createResolver({
  sources: [{ type: "secretsmanager", endpoint: process.env.BENCH_SM_ENDPOINT }],
});

export async function handler() {
  const s3 = new S3Client(await resolver.getAwsClientConfig("aws_default", "s3"));
  const { accessKeyId } = await s3.config.credentials();
  return { accessKeyId, region: await s3.config.region() };
}
