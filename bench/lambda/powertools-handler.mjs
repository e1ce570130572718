// Lambda-shaped handler, Powertools' way: getSecret of the same aws_default secret, and an S3
// client built from its fields. Bundled by scenario 9 (esbuild); the SDK finds moto through
// AWS_ENDPOINT_URL_SECRETS_MANAGER.
import { getSecret } from "@aws-lambda-powertools/parameters/secrets";
import { S3Client } from "@aws-sdk/client-s3";

export async function handler() {
  const connection = await getSecret("airflow/connections/aws_default", { transform: "json" });
  const s3 = new S3Client({
    region: connection.extra?.region_name ?? process.env.AWS_REGION,
    credentials: { accessKeyId: connection.login, secretAccessKey: connection.password },
  });
  const { accessKeyId } = await s3.config.credentials();
  return { accessKeyId, region: await s3.config.region() };
}
