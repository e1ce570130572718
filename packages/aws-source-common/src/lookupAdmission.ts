import { validateConnId } from "@awsconn/core";
import { type AwsTeamNames, awsTeamNames } from "./airflowNaming/awsTeamNames.js";
import { refuseWriteWhenSwitchedOff } from "./airflowNaming/refuseWriteWhenSwitchedOff.js";
import { type IdManifest, type IdManifestInit, idManifest } from "./idManifest.js";
import type { OnSourceWarning } from "./SourceWarning.js";

/** The source options {@link lookupAdmission} reads: `lookupPattern`, `team`, `multiTeam`, `knownIds`, `onWarning`. */
export type LookupAdmissionSourceInit = Parameters<typeof awsTeamNames>[0] &
  IdManifestInit & { lookupPattern?: string; onWarning?: OnSourceWarning };

/** What {@link lookupAdmission} decides with, beyond the source's options. */
export interface LookupAdmissionInit {
  /** `prefix: null`: connections are switched off, no id is looked up. */
  off: boolean;
  /** The compiled `lookupPattern` (Python's `re.match`), or "every id". */
  matches: (connId: string) => boolean;
  /** The source's ids, for the manifest. */
  list: () => AsyncIterable<string>;
  /** Whether a team-scoped name is tried at all (Secrets Manager skips it with an empty prefix). Default: yes. */
  scopedNames?: boolean;
}

/** The rules both AWS sources apply before any backend call. */
export interface LookupAdmission {
  /** The team rules (refused ids, team-scoped names). */
  teams: AwsTeamNames;
  /** The id manifest (`knownIds`), when there is one. */
  manifest: IdManifest | undefined;
  /**
   * The ids of a lookup that may be asked about: each id is checked against Airflow's conn-id rule
   * (an invalid one throws `InvalidConnIdError`), an aborted signal throws, and ids that connections
   * being off, the team rules or the lookup pattern rule out are left out.
   */
  asked(connIds: readonly string[], signal: AbortSignal | undefined): string[];
  /**
   * The team-scoped id to read first for `connId`, when there is a team and the manifest (if any)
   * lists it; else `undefined`.
   */
  scopedFirst(connId: string, signal: AbortSignal | undefined): Promise<string | undefined>;
  /** Whether the manifest (if any) allows reading `connId` itself. */
  known(connId: string, signal: AbortSignal | undefined): Promise<boolean>;
  /** The ids the manifest (if any) allows reading, in order (all of them without a manifest). */
  knownOnly(connIds: readonly string[], signal: AbortSignal | undefined): Promise<string[]>;
  /**
   * The checks before a write: an aborted signal throws, the id must pass Airflow's conn-id rule,
   * and `prefix: null` refuses the write (`refuseWriteWhenSwitchedOff`).
   */
  writable(connId: string, signal: AbortSignal | undefined): void;
}

/**
 * The admission rules of an AWS source's `get` and `getMany`, in one place for Secrets Manager and
 * SSM: which ids are asked about at all, which team-scoped name comes first, and what the id
 * manifest rules out.
 *
 * @example
 * ```ts
 * const admission = lookupAdmission("ssm", init, { off, matches, list: () => list() });
 * if (admission.asked([connId], signal).length === 0) return undefined;
 * ```
 */
export function lookupAdmission(
  sourceName: string,
  init: LookupAdmissionSourceInit,
  { off, matches, list, scopedNames = true }: LookupAdmissionInit,
): LookupAdmission {
  const manifest = idManifest(sourceName, init, list);
  const teams = awsTeamNames(init, sourceName, init.onWarning);
  const known = async (id: string, signal: AbortSignal | undefined) =>
    (await manifest?.knows(id, signal)) !== false;
  return {
    teams,
    manifest,
    asked(connIds, signal) {
      signal?.throwIfAborted();
      for (const id of connIds) validateConnId(id);
      return off ? [] : connIds.filter((id) => !teams.refuses(id) && matches(id));
    },
    async scopedFirst(connId, signal) {
      const scoped = scopedNames ? teams.scoped(connId) : undefined;
      if (scoped === undefined) return undefined;
      return (await known(scoped, signal)) ? scoped : undefined;
    },
    known,
    async knownOnly(connIds, signal) {
      if (!manifest) return [...connIds];
      const known = await Promise.all(connIds.map((id) => manifest.knows(id, signal)));
      return connIds.filter((_, i) => known[i] !== false);
    },
    writable(connId, signal) {
      signal?.throwIfAborted();
      validateConnId(connId);
      refuseWriteWhenSwitchedOff(off);
    },
  };
}
