import type { Stats } from "node:fs";
import type { Connection, ConnectionSource, SourceCallOptions, SourceHit, TeamInit } from "@awsconn/core";
import {
  ConnectionFormatError,
  SourceError,
  createConnection,
  isValidConnId,
  resolveTeam,
  validateConnId,
  nodeFs,
} from "@awsconn/core";
import { type PermissionWarning, checkFilePermissions } from "./checkFilePermissions.js";
import { type FileEntry, type FileProblem, formatOfPath, loadConnections } from "./loadConnections.js";
import { RegularFileProblem, readRegularFile } from "./readRegularFile.js";
import { fileReadFailure } from "./fileReadFailure.js";
import { setFileEntry } from "./setFileEntry.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** The name of the file source. */
export const FILE_SOURCE_NAME = "file";

/** Files larger than this are refused (10 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Where the file source sends warnings. */
export interface FileSourceLogger {
  warn(message: string): void;
}

/**
 * Options of {@link fromFile}. `team`/`multiTeam` ({@link TeamInit}) are checked and change
 * nothing, as Airflow's `LocalFilesystemBackend` ignores the caller's team (an entry's `team_name`
 * too): every caller sees every entry, and ids with `--` or `___` are not refused.
 */
export interface FileInit extends TeamInit {
  /** The connections file: `.json`, `.yaml`, `.yml` or `.env` (extension case-insensitive). */
  path: string;
  /** Receives permission warnings. Default: `process.emitWarning(message, { code: "AWSCONN_FILE_PERMISSIONS" })`. */
  logger?: FileSourceLogger;
  /** Larger files are refused with a `ConnectionFormatError`. Default 10 MiB. */
  maxBytes?: number;
}

/** Counters for tests and diagnostics. */
export interface FileSourceStats {
  /** How many times the file was read and parsed. */
  parses: number;
  /** How many times the file was checked (`stat`) for a change. */
  checks: number;
}

/** What {@link FileConnectionSource.check} found: the file as the lookups read it. */
export interface FileReport {
  /** Every connection that could be read, whatever its id (`get` refuses invalid ids). */
  entries: Map<string, FileEntry>;
  /** Every problem, the file's own (missing, too large, not UTF-8, syntax) or one entry's. */
  problems: FileProblem[];
  /** The file's permission problems (the lookups send them to the logger, once per kind). */
  warnings: PermissionWarning[];
}

/** The file source: a {@link ConnectionSource} that can list, check, write and count its work. */
export interface FileConnectionSource extends ConnectionSource {
  list(options?: SourceCallOptions): AsyncIterable<string>;
  /**
   * Adds or replaces one connection, keeping every other entry, comment and line of the file (see
   * `setFileEntry`), and replaces the file atomically with mode 0600 (see `writeFileAtomic`); a
   * missing file is created. Refuses (`ConnectionFormatError`, nothing written) a file with a problem
   * outside that entry, and a write that would not read back the same; a file changed by someone
   * else meanwhile is a retryable `SourceError`. Writes of one source run one at a time.
   */
  put(connection: Connection, options?: SourceCallOptions): Promise<void>;
  /** Every entry, problem and permission warning of the file, read with the lookups' exact rules. */
  check(options?: SourceCallOptions): Promise<FileReport>;
  /** Parse and check counters. */
  stats(): FileSourceStats;
}

interface Loaded extends FileReport {
  /** What a lookup throws: the read failure, or the first problem (Airflow's). */
  error?: unknown;
}

const defaultLogger: FileSourceLogger = {
  warn: (message) => process.emitWarning(message, { code: "AWSCONN_FILE_PERMISSIONS" }),
};

/**
 * Connections from a local file, as Airflow's `LocalFilesystemBackend`: JSON, YAML (1.1) or
 * `.env`; a string is a URI, an object holds the fields, a list holds at most one connection.
 *
 * - The file is read and parsed once, then re-read only when its mtime, ctime, size or inode
 *   changes (one synchronous `stat` per lookup); concurrent lookups share one parse.
 * - Every problem in the file is a `ConnectionFormatError` naming the file and the 1-based line,
 *   thrown by every lookup until the file is fixed (Airflow too fails the whole file); messages
 *   never contain a secret.
 * - A missing or unreadable file is a `SourceError`. A file larger than `maxBytes` is a
 *   `ConnectionFormatError`. A file readable by group or others, writable by others, or owned by
 *   another user gets one warning per kind through `logger`.
 * - origin: `file:PATH:LINE`; `list()` yields the ids in file order (only valid ids).
 *
 * @example
 * ```ts
 * const file = fromFile({ path: "./connections.yaml" });
 * const hit = await file.get("aws_default"); // { connection, origin: "file:./connections.yaml:3" }
 * ```
 */
export function fromFile(init: FileInit): FileConnectionSource {
  const { path } = init;
  resolveTeam(init);
  const logger = init.logger ?? defaultLogger;
  const maxBytes = init.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const origin = `file:${path}`;
  const stats: FileSourceStats = { parses: 0, checks: 0 };
  const warned = new Set<string>();
  let cached: { signature: string; loaded: Promise<Loaded> } | undefined;
  let writing: Promise<unknown> = Promise.resolve();

  async function parse(st: Stats): Promise<Loaded> {
    const warnings = checkFilePermissions(path, st);
    for (const warning of warnings) {
      if (warned.has(warning.kind)) continue;
      warned.add(warning.kind);
      logger.warn(warning.message);
    }
    try {
      const format = formatOf();
      const text = await readText(st);
      stats.parses++;
      const { entries, problems } = loadConnections(text, format);
      const first = problems[0];
      const error = first
        ? new ConnectionFormatError(first.reason, { origin, line: first.line, cause: first.cause })
        : undefined;
      return { entries, problems, warnings, error };
    } catch (error) {
      return failed(error instanceof ConnectionFormatError ? error : readFailure(error), warnings);
    }
  }

  function formatOf() {
    const format = formatOfPath(path);
    if (!format) {
      throw new ConnectionFormatError(
        "unsupported file format: the file must have one of the extensions .env .json .yaml .yml",
        { origin },
      );
    }
    return format;
  }

  /** The file's text, read with the size limit and refused when it is not UTF-8. */
  async function readText(st: Stats): Promise<string> {
    if (st.size > maxBytes) throw tooLarge(st.size);
    let bytes: Buffer;
    try {
      // Regular files only, the limit counted while reading, a read racing a rewrite retried.
      bytes = readRegularFile(path, { maxBytes });
    } catch (error) {
      if (error instanceof RegularFileProblem)
        throw new ConnectionFormatError(`the file ${error.reason}`, { origin });
      throw error;
    }
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new ConnectionFormatError("the file is not valid UTF-8", { origin });
    }
  }

  function failed(error: unknown, warnings: PermissionWarning[]): Loaded {
    const reason =
      error instanceof ConnectionFormatError
        ? error.reason
        : error instanceof SourceError
          ? error.message.slice(`${error.source}: `.length)
          : String(error);
    return { entries: new Map(), problems: [{ reason }], warnings, error };
  }

  function tooLarge(size: number): ConnectionFormatError {
    return new ConnectionFormatError(
      `the file is ${size} bytes; connections files are limited to ${maxBytes} bytes`,
      {
        origin,
      },
    );
  }

  const readFailure = (error: unknown) => fileReadFailure("connections file", path, error);

  /** The file as it is now: re-read only when its signature changed. */
  async function current(): Promise<Loaded> {
    stats.checks++;
    let st: Stats;
    try {
      // Synchronous on purpose: a local stat takes microseconds, while the promise version costs a
      // thread-pool round trip on every lookup (about 5x slower).
      st = nodeFs.statSync(path);
    } catch (error) {
      return failed(readFailure(error), []);
    }
    const signature = signatureOf(st);
    if (cached?.signature !== signature) cached = { signature, loaded: parse(st) };
    return cached.loaded;
  }

  async function load(signal?: AbortSignal): Promise<Map<string, FileEntry>> {
    const loaded = await current();
    signal?.throwIfAborted();
    if (loaded.error) throw loaded.error;
    return loaded.entries;
  }

  async function write(connection: Connection): Promise<void> {
    const format = formatOf();
    let st: Stats | undefined;
    try {
      st = nodeFs.statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException | undefined)?.code !== "ENOENT") throw readFailure(error);
    }
    const text = setFileEntry(st ? await readText(st) : "", format, connection, origin);
    const before = st ? signatureOf(st) : "absent";
    await writeFileAtomic(path, text, () => {
      let now = "absent";
      try {
        now = signatureOf(nodeFs.statSync(path));
      } catch {}
      if (now !== before) {
        throw new SourceError(
          `connections file ${path} changed while awsconn was writing to it; nothing was written, try again`,
          { source: FILE_SOURCE_NAME, retryable: true },
        );
      }
    });
  }

  return {
    name: FILE_SOURCE_NAME,

    async get(connId: string, options?: SourceCallOptions): Promise<SourceHit | undefined> {
      options?.signal?.throwIfAborted();
      validateConnId(connId);
      const entry = (await load(options?.signal)).get(connId);
      if (!entry) return undefined;
      // A copy, so a caller that edits its connection cannot change what the next lookup sees.
      const connection = createConnection({ ...entry.connection, extra: { ...entry.connection.extra } });
      return { connection, origin: `${origin}:${entry.line}` };
    },

    async *list(options?: SourceCallOptions): AsyncIterable<string> {
      options?.signal?.throwIfAborted();
      for (const id of (await load(options?.signal)).keys()) if (isValidConnId(id)) yield id;
    },

    async put(connection: Connection, options?: SourceCallOptions): Promise<void> {
      options?.signal?.throwIfAborted();
      validateConnId(connection.connId);
      const done = writing.then(() => write(connection));
      writing = done.catch(() => undefined);
      return done;
    },

    async check(options?: SourceCallOptions): Promise<FileReport> {
      options?.signal?.throwIfAborted();
      const { entries, problems, warnings } = await current();
      return { entries, problems, warnings };
    },

    stats: () => ({ ...stats }),
  };
}

function signatureOf(st: Stats): string {
  return `${st.mtimeMs}:${st.ctimeMs}:${st.size}:${st.ino}`;
}
