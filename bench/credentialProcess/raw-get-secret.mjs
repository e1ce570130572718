// The plain-SDK peer of `awsconn credentials <id> --format process` for a Secrets Manager
// connection: one GetSecretValue with the same SDK client, the keys printed as credential_process
// JSON (Version 1), then exit. The endpoint (moto) is BENCH_SM_ENDPOINT, the secret id argv[2].
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

const client = new SecretsManagerClient({ endpoint: process.env.BENCH_SM_ENDPOINT });
const out = await client.send(new GetSecretValueCommand({ SecretId: process.argv[2] }));
const connection = JSON.parse(out.SecretString ?? "{}");
process.stdout.write(
  `${JSON.stringify({ Version: 1, AccessKeyId: connection.login, SecretAccessKey: connection.password })}\n`,
);
client.destroy();
