// Deployment-start probe, Powertools' way: getSecret of the same secret (its SDK client finds
// moto through AWS_ENDPOINT_URL_SECRETS_MANAGER). Prints "ok" the moment it is resolved.
import { getSecret } from "@aws-lambda-powertools/parameters/secrets";

const connection = await getSecret("airflow/connections/bench_deploy", { transform: "json" });
if (connection?.host !== "deploy.example.internal") process.exit(1);
process.stdout.write("ok\n");
