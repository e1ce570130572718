// Deployment-start probe, run in a folder holding an awsconn.config.yaml that names Secrets
// Manager: the process-wide resolver discovers it, and the first connection is resolved. Prints
// "ok" the moment it is (the bench times spawn to that line).
import { getConnection } from "awsconn";

const connection = await getConnection("bench_deploy");
if (connection.host !== "deploy.example.internal") process.exit(1);
process.stdout.write("ok\n");
