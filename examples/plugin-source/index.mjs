// @ts-check
// awsconn-source-dir: Airflow connections from a folder with one file per connection,
// `<folder>/<conn_id>.json` (Airflow's connection JSON) or `<folder>/<conn_id>.uri` (a connection
// URI, read like an AIRFLOW_CONN_* value). A small, real awsconn source plugin: see README.md.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import {
  ConfigError,
  ConnectionFormatError,
  connectionToJson,
  isValidConnId,
  parseConnectionJson,
  parseConnectionValue,
  SourceError,
  validateConnId,
} from "@awsconn/core";

/** The source's default name. */
export const SOURCE_NAME = "dir";

const EXTENSIONS = [".json", ".uri"];

/**
 * @typedef {object} DirectoryOptions
 * @property {string} path The folder; a relative path is taken from the config file's folder.
 * @property {string} [name] The source's name in origins. Default `dir`.
 */

/**
 * @typedef {object} FactoryContext What awsconn passes as the factory's second argument.
 * @property {string} baseDir The config file's folder (else the working directory).
 * @property {string} [path] The config entry's key path (`sources[2]`).
 */

/**
 * Connections from a folder, one file per connection. Files are read on every lookup (the source
 * says `remote: false`, so awsconn never caches it): an edit is seen by the next lookup.
 *
 * @example
 * ```js
 * const dir = fromDirectory({ path: "./connections.d" }, { baseDir: "/etc/awsconn" });
 * (await dir.get("warehouse"))?.origin; // "dir:/etc/awsconn/connections.d/warehouse.json"
 * ```
 *
 * @param {DirectoryOptions} options
 * @param {FactoryContext} [context]
 * @returns {import("@awsconn/core").ConnectionSource}
 */
export function fromDirectory(options, context = { baseDir: process.cwd() }) {
  const where = `${context.path ?? "plugin"}.options`;
  if (typeof options?.path !== "string" || options.path === "") {
    throw new ConfigError(
      `expected the folder of the connection files, got ${JSON.stringify(options?.path)}`,
      {
        path: `${where}.path`,
      },
    );
  }
  if (options.name !== undefined && (typeof options.name !== "string" || options.name === "")) {
    throw new ConfigError("expected a non-empty string", { path: `${where}.name` });
  }
  const root = resolve(context.baseDir, options.path);
  const name = options.name ?? SOURCE_NAME;

  /** @param {string} file @param {AbortSignal | undefined} signal @returns {Promise<string | undefined>} */
  async function readIfThere(file, signal) {
    try {
      return await readFile(file, { encoding: "utf8", signal });
    } catch (error) {
      if (isAbort(error)) throw signal?.reason ?? error;
      const code = codeOf(error);
      if (code === "ENOENT" || code === "ENOTDIR") return undefined;
      throw new SourceError(`cannot read ${file} (${code ?? "unknown error"})`, { source: name });
    }
  }

  /** A miss is only a miss when the folder itself is there: a wrong `path` must not fall through quietly. */
  async function checkRoot() {
    const info = await stat(root).catch(() => undefined);
    if (!info?.isDirectory()) {
      throw new SourceError(`the folder ${root} does not exist; check the plugin's options.path`, {
        source: name,
      });
    }
  }

  return {
    name,
    remote: false,

    async get(connId, call) {
      const signal = call?.signal;
      signal?.throwIfAborted();
      validateConnId(connId);
      const found = [];
      for (const ext of EXTENSIONS) {
        const file = join(root, `${connId}${ext}`);
        const text = await readIfThere(file, signal);
        if (text !== undefined) found.push({ ext, file, text });
      }
      const [first, second] = found;
      if (second) {
        throw new ConnectionFormatError(`both ${connId}.json and ${connId}.uri exist; keep one`, {
          origin: `${name}:${root}`,
        });
      }
      if (!first) {
        await checkRoot();
        return undefined;
      }
      const origin = `${name}:${first.file}`;
      const connection =
        first.ext === ".json"
          ? parseConnectionJson(first.text, connId, { origin })
          : parseConnectionValue(first.text, connId, { origin });
      return { connection, origin };
    },

    async *list(call) {
      call?.signal?.throwIfAborted();
      await checkRoot();
      const files = await readdir(root, { recursive: true });
      call?.signal?.throwIfAborted();
      const ids = new Set();
      for (const file of files) {
        const ext = EXTENSIONS.find((e) => file.endsWith(e));
        if (!ext) continue;
        const id = file.slice(0, -ext.length).split(sep).join("/");
        if (isValidConnId(id)) ids.add(id);
      }
      yield* [...ids].sort();
    },

    async put(connection, call) {
      call?.signal?.throwIfAborted();
      validateConnId(connection.connId);
      const file = join(root, `${connection.connId}.json`);
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(temporary, `${JSON.stringify(connectionToJson(connection), null, 2)}\n`, {
        mode: 0o600,
      });
      await rename(temporary, file);
      await rm(join(root, `${connection.connId}.uri`), { force: true });
    },
  };
}

export default fromDirectory;

/** @param {unknown} error */
function codeOf(error) {
  const code = /** @type {{ code?: unknown }} */ (error)?.code;
  return typeof code === "string" ? code : undefined;
}

/** @param {unknown} error */
function isAbort(error) {
  return /** @type {{ name?: unknown }} */ (error)?.name === "AbortError";
}
