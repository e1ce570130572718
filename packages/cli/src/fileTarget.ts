import { chmod, open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import {
  type Connection,
  type ConnectionSource,
  ConnectionFormatError,
  connectionToUri,
} from "@awsconn/core";
import { createSource } from "awsconn";
import { stringify as yamlStringify } from "yaml";

type FileEntries = Map<string, Connection>;

/**
 * A writable connections file in Airflow's `LocalFilesystemBackend` formats, chosen by extension:
 * `.json`/`.yaml`/`.yml` (an object of `conn_id: {conn_type, host, login, password, schema, port, extra}`),
 * `.env` (`conn_id=URI` lines). `put` rewrites the whole file (existing entries are kept) through a
 * temporary file created with mode 0600, then renamed into place; the result has mode 0600.
 *
 * @example
 * ```ts
 * await fileTarget("./backup.yaml").put(connection);
 * ```
 */
export function fileTarget(path: string): ConnectionSource & { put: NonNullable<ConnectionSource["put"]> } {
  const format = formatOf(path);
  return {
    name: "file",
    async get(connId) {
      const entries = await readEntries(path);
      const connection = entries.get(connId);
      return connection ? { connection, origin: `file:${path}` } : undefined;
    },
    async *list() {
      yield* (await readEntries(path)).keys();
    },
    async put(connection) {
      const entries = await readEntries(path);
      entries.set(connection.connId, connection);
      await writeAtomic(path, serialise(entries, format));
    },
  };
}

function formatOf(path: string): "json" | "yaml" | "env" {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  if (ext === ".env") return "env";
  throw new ConnectionFormatError("the file must end in .json, .yaml, .yml or .env", {
    origin: `file:${path}`,
  });
}

// ---------------------------------------------------------------------------------------------

async function readEntries(path: string): Promise<FileEntries> {
  const entries: FileEntries = new Map();
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return entries;
    throw error;
  }
  if (text.trim() === "") return entries;
  const source = createSource({ type: "file", path });
  if (!source.list) throw new Error("the file source cannot list connections");
  for await (const id of source.list()) {
    const hit = await source.get(id);
    if (hit) entries.set(id, hit.connection);
  }
  return entries;
}

function fields(c: Connection): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (c.connType !== undefined) out.conn_type = c.connType;
  if (c.description !== undefined) out.description = c.description;
  if (c.host !== undefined) out.host = c.host;
  if (c.login !== undefined) out.login = c.login;
  if (c.password !== undefined) out.password = c.password;
  if (c.schema !== undefined) out.schema = c.schema;
  if (c.port !== undefined) out.port = c.port;
  if (Object.keys(c.extra ?? {}).length > 0) out.extra = { ...c.extra };
  return out;
}

function serialise(entries: FileEntries, format: "json" | "yaml" | "env"): string {
  const ids = [...entries.keys()].sort();
  if (format === "env") {
    return ids.map((id) => `${id}=${connectionToUri(entries.get(id)!)}\n`).join("");
  }
  const object = Object.fromEntries(ids.map((id) => [id, fields(entries.get(id)!)]));
  return format === "json" ? `${JSON.stringify(object, null, 2)}\n` : yamlStringify(object);
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
