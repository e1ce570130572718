// Connections files for the process scenarios (5, 8): the same 21 connections (20 others and the
// one looked up) as `.json`, `.env` and `.yaml`, mode 0600, in a fresh temp folder.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectionJson } from "./fixtures.mjs";

/**
 * @param {string} id the connection looked up
 * @param {object} connection its Airflow JSON form (an object)
 * @returns {{ dir: string, json: string, dotenv: string, yaml: string }} the folder and the three paths
 */
export function writeConnectionFiles(id, connection) {
  const dir = mkdtempSync(join(tmpdir(), "awsconn-bench-files-"));
  const all = Object.fromEntries(
    Array.from({ length: 20 }, (_, i) => [`file_conn_${i}`, JSON.parse(connectionJson(200 + i))]),
  );
  all[id] = connection;
  const write = (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  };
  // .env: one `id=URI` line per connection, as Airflow's local filesystem backend reads it.
  const dotenv = Object.entries(all)
    .map(([k, v]) => `${k}=${uriOf(v)}`)
    .join("\n");
  // YAML: a mapping per connection; JSON scalars are valid YAML scalars.
  const yaml = Object.entries(all)
    .map(([k, v]) => `${k}:\n${yamlMapping(v, "  ")}`)
    .join("\n");
  return {
    dir,
    json: write("connections.json", `${JSON.stringify(all, null, 2)}\n`),
    dotenv: write("connections.env", `${dotenv}\n`),
    yaml: write("connections.yaml", `${yaml}\n`),
  };
}

function yamlMapping(object, indent) {
  return Object.entries(object)
    .map(([k, v]) =>
      v !== null && typeof v === "object"
        ? `${indent}${k}:\n${yamlMapping(v, `${indent}  `)}`
        : `${indent}${k}: ${JSON.stringify(v)}`,
    )
    .join("\n");
}

function uriOf({ conn_type, login, password, host, port, schema, extra }) {
  const e = encodeURIComponent;
  const auth = login ? `${e(login)}${password ? `:${e(password)}` : ""}@` : "";
  const query = extra ? `?${new URLSearchParams(extra)}` : "";
  return `${conn_type}://${auth}${host ?? ""}${port ? `:${port}` : ""}/${e(schema ?? "")}${query}`;
}
