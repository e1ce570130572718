import { CodecProblem } from "./CodecProblem.js";
import type { ConnectionParser } from "./ConnectionParser.js";
import { ConnectionFormatError } from "./errors.js";
import { isValidConnId } from "./validateConnId.js";

/** Where the text being parsed came from; named in a `ConnectionFormatError`. */
export interface ParseOptions {
  /** `env:AIRFLOW_CONN_X`, `file:conns.yaml`, `secretsmanager:airflow/connections/x`... */
  origin?: string;
  /** 1-based line in the origin. */
  line?: number;
  /** Airflow's parser to follow ({@link ConnectionParser}); the Task SDK's (`"task"`) when omitted. */
  parser?: ConnectionParser;
}

/** Turns a {@link CodecProblem} into the public `ConnectionFormatError`; rethrows anything else. */
export function toFormatError(
  error: unknown,
  form: "URI" | "JSON",
  connId: string | undefined,
  options?: ParseOptions,
): never {
  if (error instanceof CodecProblem) {
    // The id is named only when it is a valid one (an invalid id may hold anything).
    const which = connId !== undefined && isValidConnId(connId) ? ` for "${connId}"` : "";
    throw new ConnectionFormatError(`invalid connection ${form}${which}: ${error.message}`, {
      ...(options?.origin !== undefined ? { origin: options.origin } : {}),
      ...(options?.line !== undefined ? { line: options.line } : {}),
    });
  }
  throw error;
}
