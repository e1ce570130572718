// Start-up probe: resolve one connection from a connections file (`.json`, `.env` or `.yaml`, the
// path is argv[2]) through awsconn, then exit.
import { createResolver } from "awsconn";

const resolver = createResolver({ sources: [{ type: "file", path: process.argv[2] }] });
const connection = await resolver.get("bench_file");
if (connection.host !== "file.example.internal") process.exit(1);
