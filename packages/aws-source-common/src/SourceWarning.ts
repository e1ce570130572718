/**
 * Something an AWS source wants its user to know without failing the call: it fell back to a
 * slower way of answering (`code` says which), and still answers correctly. Never carries a secret.
 *
 * - `BATCH_FALLBACK`: `BatchGetSecretValue` was refused (access denied or throttled); the ids are
 *   read with concurrent `GetSecretValue` calls instead
 * - `KNOWN_IDS_UNAVAILABLE`: the `knownIds` manifest could not be listed; ids are looked up one by one
 * - `TEAM_ID_REFUSED`: in multi-team mode an id containing the team separator `--` was asked for;
 *   it is "not here" without a request, as in Airflow 3.3
 *
 * @example
 * ```ts
 * const init = { onWarning: (w: SourceWarning) => console.warn(w.code, w.message) };
 * ```
 */
export interface SourceWarning {
  /** Stable code: `BATCH_FALLBACK`, `KNOWN_IDS_UNAVAILABLE`, `TEAM_ID_REFUSED`. */
  code: string;
  /** One line for a person: what happened, why, and what the source does now. */
  message: string;
}

/**
 * The receiver of a source's warnings (the facade turns them into `warning` events).
 *
 * @example
 * ```ts
 * const onWarning: OnSourceWarning = (w) => console.warn(`${w.code}: ${w.message}`);
 * ```
 */
export type OnSourceWarning = (warning: SourceWarning) => void;
