// Lambda-shaped handler, awsconn's way for bundled code: composeResolver over the one source it
// reads (awsconn/compose, awsconn/secretsmanager), so the bundle holds no other source, no YAML
// parser and no configuration file reader; an S3 client built from getAwsClientConfig. Bundled by
// scenario 9 (esbuild); BENCH_SM_ENDPOINT is moto.
import { S3Client } from "@aws-sdk/client-s3";
import { composeResolver } from "awsconn/compose";
import { fromSecretsManager } from "awsconn/secretsmanager";

const resolver = composeResolver({
  sources: [fromSecretsManager({ endpoint: process.env.BENCH_SM_ENDPOINT })],
});

export async function handler() {
  const s3 = new S3Client(await resolver.getAwsClientConfig("aws_default", "s3"));
  const { accessKeyId } = await s3.config.credentials();
  return { accessKeyId, region: await s3.config.region() };
}
