import type { Connection, ConnectionSource, SourceCallOptions, SourceHit } from "@awsconn/core";
import { type LookupAdmission, type LookupAdmissionSourceInit, lookupAdmission } from "./lookupAdmission.js";

/**
 * The ids of one `getMany` that may be asked about ({@link LookupAdmission.asked}), with the
 * team-scoped id to read first for each id that has one ({@link LookupAdmission.scopedFirst}).
 */
export interface AwsLookupPlan {
  /** The ids the admission lets through, in the caller's order. */
  asked: string[];
  /** Conn id -> its team-scoped id, in the order of `asked`; empty without a team. */
  scoped: Map<string, string>;
  /** The ids of `connIds` the id manifest (if any) allows reading ({@link LookupAdmission.knownOnly}). */
  knownOnly(connIds: readonly string[]): Promise<string[]>;
}

/** The backend side of an AWS connection source; see {@link awsConnectionSource}. */
export interface AwsConnectionSourceInit {
  /** The source name (`secretsmanager`, `ssm`). */
  name: string;
  /** The source's options the admission rules read (`lookupPattern`, `team`, `knownIds`...: `lookupAdmission`). */
  init: LookupAdmissionSourceInit;
  /** `prefix: null`: connections are switched off. */
  off: boolean;
  /** The compiled `lookupPattern`. */
  matches: (connId: string) => boolean;
  /** Whether a team-scoped name is tried at all (Secrets Manager skips it with an empty prefix). Default: yes. */
  scopedNames?: boolean;
  /**
   * Reads `connId` stored under `storedId` (the id itself, or its team-scoped id): the hit,
   * `undefined` when not found, else it throws.
   */
  readOne(connId: string, storedId: string, signal: AbortSignal | undefined): Promise<SourceHit | undefined>;
  /** Reads the ids of a `getMany` plan (the manifest is the reader's to apply: `plan.knownOnly`). */
  readMany(plan: AwsLookupPlan, signal: AbortSignal | undefined): Promise<Map<string, SourceHit>>;
  /** The stored ids under the prefix (team-scoped ones included); callers see the team's view. */
  list(options?: SourceCallOptions): AsyncIterable<string>;
  /** Stores the connection (the write checks have passed). */
  write(connection: Connection, signal: AbortSignal | undefined): Promise<void>;
}

/**
 * The `ConnectionSource` of an AWS backend, the steps Secrets Manager and SSM share around their
 * own calls: `get` applies the admission rules (`lookupAdmission`), reads the team-scoped id first and the id itself when
 * that is not found (and the manifest allows it); `getMany` hands the admitted ids and their
 * scoped ids to `readMany`; `list` shows the team's view of the stored ids; `put` runs the write
 * checks (`admission.writable`), writes, and adds the id to the manifest.
 *
 * @example
 * ```ts
 * return awsConnectionSource({
 *   name: "ssm",
 *   init,
 *   off,
 *   matches,
 *   readOne: (connId, storedId, signal) => readHit(connId, nameFor(storedId), signal),
 *   readMany: async ({ asked, scoped, knownOnly }, signal) => readHits(scoped, await knownOnly(asked), signal),
 *   list,
 *   write: (connection, signal) => putParameter(connection, signal),
 * });
 * ```
 */
export function awsConnectionSource(init: AwsConnectionSourceInit): ConnectionSource {
  const { name, readOne, readMany, list, write } = init;
  const admission: LookupAdmission = lookupAdmission(name, init.init, {
    off: init.off,
    matches: init.matches,
    list,
    scopedNames: init.scopedNames,
  });
  return {
    name,

    async get(connId: string, options?: SourceCallOptions): Promise<SourceHit | undefined> {
      const signal = options?.signal;
      if (admission.asked([connId], signal).length === 0) return undefined;
      const scoped = await admission.scopedFirst(connId, signal);
      const teamHit = scoped === undefined ? undefined : await readOne(connId, scoped, signal);
      if (teamHit) return teamHit;
      if (!(await admission.known(connId, signal))) return undefined;
      return readOne(connId, connId, signal);
    },

    async getMany(connIds: readonly string[], options?: SourceCallOptions): Promise<Map<string, SourceHit>> {
      const signal = options?.signal;
      const asked = admission.asked(connIds, signal);
      const scoped = new Map<string, string>();
      for (const id of asked) {
        const scopedId = await admission.scopedFirst(id, signal);
        if (scopedId !== undefined) scoped.set(id, scopedId);
      }
      return readMany({ asked, scoped, knownOnly: (ids) => admission.knownOnly(ids, signal) }, signal);
    },

    // The manifest reads the stored ids (team-scoped names included); callers see the team's view.
    list: (options?: SourceCallOptions) => admission.teams.visible(list(options), init.matches),

    async put(connection: Connection, options?: SourceCallOptions): Promise<void> {
      const signal = options?.signal;
      admission.writable(connection.connId, signal);
      await write(connection, signal);
      admission.manifest?.add(connection.connId);
    },
  };
}
