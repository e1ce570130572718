// Lambda-shaped handler, awsconn's way: the aws_default connection from Secrets Manager, and an S3
// client built from getAwsClientConfig. Bundled by scenario 9 (esbuild); BENCH_SM_ENDPOINT is moto.
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
