import { type Stats, statSync } from "node:fs";
import type { ConnectionSource, SourceCallOptions, SourceHit } from "@awsconn/core";
import {
  ConnectionFormatError,
  SourceError,
  createConnection,
  isValidConnId,
  validateConnId,
} from "@awsconn/core";
import { checkFilePermissions } from "./checkFilePermissions.js";
import { type FileEntry, formatOfPath, loadConnections } from "./loadConnections.js";
import { RegularFileProblem, readRegularFile } from "./readRegularFile.js";

/** The name of the file source. */
export const FILE_SOURCE_NAME = "file";

/** Files larger than this are refused (10 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Where the file source sends warnings. */
export interface FileSourceLogger {
  warn(message: string): void;
}

/** Options of {@link fromFile}. */
export interface FileInit {
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

/** The file source: a {@link ConnectionSource} that can list and count its work. */
export interface FileConnectionSource extends ConnectionSource {
  list(options?: SourceCallOptions): AsyncIterable<string>;
  /** Parse and check counters. */
  stats(): FileSourceStats;
}

type Loaded = { entries: Map<string, FileEntry> } | { error: unknown };

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
  const logger = init.logger ?? defaultLogger;
  const maxBytes = init.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const origin = `file:${path}`;
  const stats: FileSourceStats = { parses: 0, checks: 0 };
  const warned = new Set<string>();
  let cached: { signature: string; loaded: Promise<Loaded> } | undefined;

  async function parse(st: Stats): Promise<Loaded> {
    for (const warning of checkFilePermissions(path, st)) {
      if (warned.has(warning.kind)) continue;
      warned.add(warning.kind);
      logger.warn(warning.message);
    }
    try {
      const format = formatOfPath(path);
      if (!format) {
        throw new ConnectionFormatError(
          "unsupported file format: the file must have one of the extensions .env .json .yaml .yml",
          { origin },
        );
      }
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
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        throw new ConnectionFormatError("the file is not valid UTF-8", { origin });
      }
      stats.parses++;
      const entries = loadConnections(text, format, (reason, line, cause) => {
        throw new ConnectionFormatError(reason, { origin, line, cause });
      });
      return { entries };
    } catch (error) {
      return { error: error instanceof ConnectionFormatError ? error : readFailure(error) };
    }
  }

  function tooLarge(size: number): ConnectionFormatError {
    return new ConnectionFormatError(
      `the file is ${size} bytes; connections files are limited to ${maxBytes} bytes`,
      {
        origin,
      },
    );
  }

  function readFailure(error: unknown): SourceError {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const what =
      code === "ENOENT"
        ? "does not exist"
        : code === "EACCES"
          ? "is not readable (permission denied)"
          : "cannot be read";
    return new SourceError(`connections file ${path} ${what}${code ? ` (${code})` : ""}`, {
      source: FILE_SOURCE_NAME,
      retryable: false,
      cause: error,
    });
  }

  async function load(signal?: AbortSignal): Promise<Map<string, FileEntry>> {
    stats.checks++;
    let st: Stats;
    try {
      // Synchronous on purpose: a local stat takes microseconds, while the promise version costs a
      // thread-pool round trip on every lookup (about 5x slower).
      st = statSync(path);
    } catch (error) {
      throw readFailure(error);
    }
    const signature = `${st.mtimeMs}:${st.ctimeMs}:${st.size}:${st.ino}`;
    if (cached?.signature !== signature) cached = { signature, loaded: parse(st) };
    const loaded = await cached.loaded;
    signal?.throwIfAborted();
    if ("error" in loaded) throw loaded.error;
    return loaded.entries;
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

    stats: () => ({ ...stats }),
  };
}
