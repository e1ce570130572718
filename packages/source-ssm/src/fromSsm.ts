import {
  BatchHits,
  awsConnectionSource,
  awsSourceKit,
  listConnIds,
  sendWithin,
  withDeadline,
} from "@awsconn/aws-source-common";
import type { Connection, ConnectionSource, SourceCallOptions, SourceHit } from "@awsconn/core";
import { ConnectionFormatError, connectionToJson, parseConnectionValue, pythonStrip } from "@awsconn/core";
import type { SsmInit } from "./SsmInit.js";
import { createSsmClient } from "./createSsmClient.js";
import { parameterLister } from "./parameterLister.js";
import { parameterNameFor } from "./parameterNameFor.js";
import { type Parameter, parameterReader } from "./parameterReader.js";
import { loadSsmSdk } from "./loadSsmSdk.js";

/** The source name (`SourceError.source`, `explain` output). */
export const SSM_SOURCE_NAME = "ssm";
/** Airflow's default `connections_prefix`. */
export const DEFAULT_SSM_PREFIX = "/airflow/connections";
/** `GetParameters` takes at most 10 names a call. */
export const GET_PARAMETERS_LIMIT = 10;
/** Values longer than this need the Advanced tier; `put()` then asks for Intelligent-Tiering. */
export const STANDARD_TIER_MAX_BYTES = 4096;

/**
 * Connections from AWS SSM Parameter Store, as Airflow's `SystemsManagerParameterStoreBackend`:
 * `GetParameter(Name = prefix + "/" + connId, WithDecryption = true)`, a leading `/` ensured
 * (`/airflow/connections/<id>` by default). String and SecureString parameters both work.
 *
 * - the value is a URI or Airflow's connection JSON (no key aliases: those are Secrets Manager's)
 * - `ParameterNotFound` -> `undefined`; every other failure -> `SourceError` (`retryable` for
 *   throttling, 5xx, timeouts, network)
 * - origin `ssm:<Name>#<Version>`, `version` = the parameter version
 * - `getMany`: `GetParameters`, 10 names a call (names in `InvalidParameters` are "not here"); a
 *   call that fails after earlier ones were answered keeps their outcomes and fails only the ids
 *   still open (the answer's `get(id)` throws their error, see `BatchHits`); a first call that fails
 *   fails the whole `getMany`
 *   `list()`: `GetParametersByPath` (recursive, the SDK's paginator); `put()`: `PutParameter` as
 *   `SecureString` with `Overwrite`
 * - `team` (Airflow 3.3): `/<prefix>/<team>--<id>` is read first, `/<prefix>/<id>` when it is not
 *   found (`getMany` asks for both names in its `GetParameters` calls; a scoped hit wins); in
 *   multi-team mode an id containing `--` is "not here" with a `TEAM_ID_REFUSED` warning, and
 *   `list()` shows the team's ids as bare ids and no other team's
 * - `knownIds: { refreshSeconds }`: an id manifest from `GetParametersByPath`, listed at most once
 *   per interval; an id not in it is "not here" without a call (see `idManifest`)
 * - `@aws-sdk/client-ssm` is loaded on first use; every attempt has a connect timeout (1 s) and a
 *   request timeout that covers the whole answer, body included (3 s), with the SDK's standard
 *   retry (3 attempts); every call has a deadline over all its attempts (`callDeadlineMs`: 15 s by
 *   default), also with a ready `client`
 *
 * @example
 * ```ts
 * const ssm = fromSsm({ region: "eu-west-1" });
 * const hit = await ssm.get("team/aws_default"); // /airflow/connections/team/aws_default
 * ```
 */
export function fromSsm(init: SsmInit = {}): ConnectionSource {
  // prefix null switches connections off, as Airflow's connections_prefix=None: every id is
  // "not here" without a request, list() is empty and put() refuses.
  const { prefix, off, matches, client, sdk, fail, deadlineMs } = awsSourceKit(SSM_SOURCE_NAME, init, {
    defaultPrefix: DEFAULT_SSM_PREFIX,
    sep: "/",
    createClient: () => createSsmClient(init),
    loadSdk: loadSsmSdk,
  });
  const readParameter = parameterReader({ sdk, client, fail, deadlineMs });
  const parse = init.parser === undefined ? undefined : { parser: init.parser };
  const hitOf = (connId: string, parameter: Parameter): SourceHit => {
    const name = parameter.Name ?? parameterNameFor(prefix, connId);
    const origin = `${SSM_SOURCE_NAME}:${name}`;
    const text = pythonStrip(parameter.Value ?? "");
    if (text === "") throw new ConnectionFormatError("the parameter value is empty", { origin });
    let connection: Connection;
    try {
      connection = parseConnectionValue(text, connId, parse);
    } catch (error) {
      // Only our own errors are kept as the cause: a foreign parser error may quote the value.
      if (error instanceof ConnectionFormatError)
        throw new ConnectionFormatError(error.reason, { origin, cause: error });
      throw new ConnectionFormatError("not a valid connection URI or JSON", { origin });
    }
    const version = parameter.Version === undefined ? undefined : String(parameter.Version);
    return version ? { connection, origin: `${origin}#${version}`, version } : { connection, origin };
  };

  const listParameters = parameterLister({ sdk, client, fail, deadlineMs, prefix, off });
  const list = (options?: SourceCallOptions) => listParameters(listConnIds, options);
  const readHit = async (connId: string, name: string, signal: AbortSignal | undefined) => {
    const parameter = await readParameter(name, signal);
    return parameter ? hitOf(connId, parameter) : undefined;
  };

  return awsConnectionSource({
    name: SSM_SOURCE_NAME,
    init,
    off,
    matches,
    readOne: (connId, storedId, signal) => readHit(connId, parameterNameFor(prefix, storedId), signal),

    async readMany({ asked, scoped, knownOnly }, signal) {
      const idByName = new Map<string, string>();
      // With a team, its scoped names go in the same GetParameters calls; a scoped hit wins.
      const scopedNames = new Set<string>();
      for (const [id, scopedId] of scoped) {
        const name = parameterNameFor(prefix, scopedId);
        idByName.set(name, id);
        scopedNames.add(name);
      }
      for (const id of await knownOnly(asked)) idByName.set(parameterNameFor(prefix, id), id);
      const found = new Map<string, SourceHit>();
      // Global parameters are parsed after every chunk, only for ids without a scoped hit.
      const globalFound = new Map<string, Parameter>();
      const names = [...idByName.keys()];
      if (names.length === 0) return found;
      const [{ GetParametersCommand }, c] = await Promise.all([sdk(), client()]).catch(async (error) => {
        throw await fail(error, "GetParameters", names[0] as string, signal);
      });
      // A call that fails after answered ones: their outcomes stay, the ids still open fail with it.
      let cut: { failure: unknown; names: string[] } | undefined;
      for (let i = 0; i < names.length; i += GET_PARAMETERS_LIMIT) {
        const chunk = names.slice(i, i + GET_PARAMETERS_LIMIT);
        let out: { Parameters?: Parameter[] };
        try {
          out = await sendWithin(
            c,
            new GetParametersCommand({ Names: chunk, WithDecryption: true }),
            deadlineMs,
            signal,
          );
        } catch (error) {
          const failure = await fail(
            error,
            "GetParameters",
            `${chunk.length} names from ${chunk[0]}`,
            signal,
          );
          // Nothing answered yet (or the caller gave up): the whole call fails.
          if (i === 0 || signal?.aborted) throw failure;
          cut = { failure, names: names.slice(i) };
          break;
        }
        // Names that do not exist come back in InvalidParameters: simply absent here.
        for (const parameter of out.Parameters ?? []) {
          const connId = parameter.Name === undefined ? undefined : idByName.get(parameter.Name);
          if (connId === undefined) continue;
          if (scopedNames.has(parameter.Name as string)) found.set(connId, hitOf(connId, parameter));
          else globalFound.set(connId, parameter);
        }
      }
      // Still open: no scoped hit, and a name of the id was in the unanswered calls.
      const open = new Set((cut?.names ?? []).map((name) => idByName.get(name) as string));
      for (const connId of open) if (found.has(connId)) open.delete(connId);
      for (const [connId, parameter] of globalFound)
        if (!found.has(connId) && !open.has(connId)) found.set(connId, hitOf(connId, parameter));
      if (cut === undefined) return found;
      const hits = new BatchHits(found);
      for (const connId of open) hits.fail(connId, cut.failure);
      return hits;
    },

    list,

    async write(connection, signal) {
      const name = parameterNameFor(prefix, connection.connId);
      const value = JSON.stringify(connectionToJson(connection));
      const big = Buffer.byteLength(value, "utf8") > STANDARD_TIER_MAX_BYTES;
      try {
        const [{ PutParameterCommand }, c] = await Promise.all([sdk(), client()]);
        await withDeadline(deadlineMs, signal, (abortSignal) =>
          c.send(
            new PutParameterCommand({
              Name: name,
              Value: value,
              Type: "SecureString",
              Overwrite: true,
              ...(big ? { Tier: "Intelligent-Tiering" as const } : {}),
            }),
            { abortSignal },
          ),
        );
      } catch (error) {
        throw await fail(error, "PutParameter", name, signal, [value, connection.password ?? ""]);
      }
    },
  });
}
