import type { Stats } from "node:fs";
import type { SourceCallOptions, TeamInit, VariableHit, VariableSource } from "@awsconn/core";
import { ConnectionFormatError, resolveTeam, nodeFs } from "@awsconn/core";
import { fileReadFailure } from "./fileReadFailure.js";
import { DEFAULT_MAX_FILE_BYTES, FILE_SOURCE_NAME } from "./fromFile.js";
import { formatOfPath } from "./loadConnections.js";
import { type LoadedVariables, loadVariables } from "./loadVariables.js";
import { RegularFileProblem, readRegularFile } from "./readRegularFile.js";

/**
 * Options of {@link fromVariablesFile}. `team`/`multiTeam` ({@link TeamInit}) are checked and
 * change nothing: Airflow's `LocalFilesystemBackend.get_variable` ignores the caller's team.
 */
export interface VariablesFileInit extends TeamInit {
  /** The `.json`, `.yaml`, `.yml` or `.env` file (Airflow's `variables_file_path`). */
  path: string;
  /** Larger files are refused. Default 10 MiB. */
  maxBytes?: number;
}

/**
 * Airflow Variables from a local file, as Airflow's `LocalFilesystemBackend` with
 * `variables_file_path` (rules: {@link loadVariables}). The file is read live: re-parsed only when
 * its mtime, ctime, size or inode changes (one `stat` per lookup).
 *
 * - origin: `file:PATH:LINE`
 * - any problem in the file (syntax, a key defined twice in `.env`, a non-string value) fails every
 *   lookup with a `ConnectionFormatError` naming the file and the 1-based line, as Airflow fails
 *   the whole file; the message never quotes a value
 * - a missing or unreadable file is a `SourceError` (`source: "file"`)
 * - `listVariables()` yields the file's keys in file order (a `null` value is no key; a broken
 *   file fails the listing as it fails a lookup)
 *
 * @example
 * ```ts
 * const vars = fromVariablesFile({ path: "./variables.yaml" });
 * const hit = await vars.getVariable("region"); // { value: "eu-west-1", origin: "file:./variables.yaml:1" }
 * ```
 */
export function fromVariablesFile(init: VariablesFileInit): VariableSource {
  const { path } = init;
  resolveTeam(init);
  const maxBytes = init.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const origin = `file:${path}`;
  let cached: { signature: string; loaded: LoadedVariables | Error } | undefined;

  function parse(st: Stats): LoadedVariables | Error {
    const format = formatOfPath(path);
    if (!format)
      return new ConnectionFormatError(
        "unsupported file format: the file must have one of the extensions .env .json .yaml .yml",
        { origin },
      );
    if (st.size > maxBytes)
      return new ConnectionFormatError(`the file is ${st.size} bytes; the limit is ${maxBytes} bytes`, {
        origin,
      });
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(
        readRegularFile(path, { maxBytes }),
      );
    } catch (error) {
      if (error instanceof RegularFileProblem)
        return new ConnectionFormatError(`the file ${error.reason}`, { origin });
      if (error instanceof TypeError)
        return new ConnectionFormatError("the file is not valid UTF-8", { origin });
      return readFailure(error);
    }
    return loadVariables(text, format);
  }

  const readFailure = (error: unknown) => fileReadFailure("variables file", path, error);

  /** The file's Variables, re-read when the file changed; throws as a lookup does. */
  function entries(): LoadedVariables["entries"] {
    let st: Stats;
    try {
      st = nodeFs.statSync(path);
    } catch (error) {
      throw readFailure(error);
    }
    const signature = `${st.mtimeMs}:${st.ctimeMs}:${st.size}:${st.ino}`;
    if (cached?.signature !== signature) cached = { signature, loaded: parse(st) };
    const { loaded } = cached;
    if (loaded instanceof Error) throw loaded;
    const [first] = loaded.problems;
    if (first)
      throw new ConnectionFormatError(first.reason, { origin, line: first.line ?? 1, cause: first.cause });
    return loaded.entries;
  }

  return {
    name: FILE_SOURCE_NAME,
    async getVariable(key: string, options?: SourceCallOptions): Promise<VariableHit | undefined> {
      options?.signal?.throwIfAborted();
      const entry = entries().get(key);
      return entry ? { value: entry.value, origin: `${origin}:${entry.line}` } : undefined;
    },
    async *listVariables(options?: SourceCallOptions): AsyncIterable<string> {
      options?.signal?.throwIfAborted();
      yield* entries().keys();
    },
  };
}
