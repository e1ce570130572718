// Start-up probe: resolve one env connection through awsconn, then exit.
import { createResolver } from "awsconn";

const resolver = createResolver({ sources: [{ type: "env" }] });
const connection = await resolver.get("bench_env");
if (connection.host !== "db.example.internal") process.exit(1);
