import type { SSMClient } from "@aws-sdk/client-ssm";
import {
  awsPages,
  callDeadlineMs,
  compileLookupPattern,
  failureFor,
  lookupAdmission,
  lazyClient,
  listConnIds,
  paginatorClient,
  sendWithin,
  trimPrefix,
  withDeadline,
} from "@awsconn/aws-source-common";
import type { Connection, ConnectionSource, SourceCallOptions, SourceHit } from "@awsconn/core";
import { ConnectionFormatError, connectionToJson, parseConnectionValue, pythonStrip } from "@awsconn/core";
import type { SsmInit } from "./SsmInit.js";
import { createSsmClient } from "./createSsmClient.js";
import { parameterNameFor } from "./parameterNameFor.js";
import { type Parameter, parameterReader } from "./parameterReader.js";

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
 * - `getMany`: `GetParameters`, 10 names a call (names in `InvalidParameters` are "not here");
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
  const prefix = trimPrefix(init.prefix === undefined ? DEFAULT_SSM_PREFIX : init.prefix, "/");
  // prefix null switches connections off, as Airflow's connections_prefix=None: every id is
  // "not here" without a request, list() is empty and put() refuses.
  const off = init.prefix === null;
  const pattern = compileLookupPattern(init.lookupPattern);
  const matches = off ? () => false : pattern;
  const client = lazyClient<SSMClient>(init.client, () => createSsmClient(init));
  // The SDK module, loaded once (a repeated dynamic import() costs a module-map lookup and a promise per call).
  const sdk = lazyClient(undefined, () => import("@aws-sdk/client-ssm"));
  const fail = failureFor(SSM_SOURCE_NAME);
  const deadlineMs = callDeadlineMs(init);
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

  async function* list(options?: SourceCallOptions): AsyncIterable<string> {
    const signal = options?.signal;
    signal?.throwIfAborted();
    if (off) return;
    const path = parameterNameFor(prefix, "").replace(/\/$/, "") || "/";
    const head = path === "/" ? "/" : `${path}/`;
    const [{ paginateGetParametersByPath, SSMClient }, c] = await Promise.all([sdk(), client()]).catch(
      async (error) => {
        throw await fail(error, "GetParametersByPath", path, signal);
      },
    );
    const pages = awsPages(
      { deadlineMs, signal, fail: (error) => fail(error, "GetParametersByPath", path, signal) },
      (abortSignal) =>
        paginateGetParametersByPath(
          { client: paginatorClient(SSMClient, c) },
          { Path: path, Recursive: true, WithDecryption: false },
          { abortSignal },
        ),
      (page) => (page.Parameters ?? []).map((p) => p.Name),
    );
    yield* listConnIds(head, matches, pages);
  }
  const admission = lookupAdmission(SSM_SOURCE_NAME, init, { off, matches, list });
  const { manifest } = admission;

  return {
    name: SSM_SOURCE_NAME,

    async get(connId: string, options?: SourceCallOptions): Promise<SourceHit | undefined> {
      const signal = options?.signal;
      if (admission.asked([connId], signal).length === 0) return undefined;
      const scoped = await admission.scopedFirst(connId, signal);
      if (scoped !== undefined) {
        const teamParameter = await readParameter(parameterNameFor(prefix, scoped), signal);
        if (teamParameter) return hitOf(connId, teamParameter);
      }
      if (!(await admission.known(connId, signal))) return undefined;
      const parameter = await readParameter(parameterNameFor(prefix, connId), signal);
      return parameter ? hitOf(connId, parameter) : undefined;
    },

    async getMany(connIds: readonly string[], options?: SourceCallOptions): Promise<Map<string, SourceHit>> {
      const signal = options?.signal;
      const asked = admission.asked(connIds, signal);
      const known = manifest ? await Promise.all(asked.map((id) => manifest.knows(id, signal))) : [];
      const idByName = new Map<string, string>();
      // With a team, its scoped names go in the same GetParameters calls; a scoped hit wins.
      const scopedNames = new Set<string>();
      for (const id of asked) {
        const scoped = await admission.scopedFirst(id, signal);
        if (scoped === undefined) continue;
        const name = parameterNameFor(prefix, scoped);
        idByName.set(name, id);
        scopedNames.add(name);
      }
      asked.forEach((id, i) => {
        if (known[i] !== false) idByName.set(parameterNameFor(prefix, id), id);
      });
      const found = new Map<string, SourceHit>();
      // Global parameters are parsed after every chunk, only for ids without a scoped hit.
      const globalFound = new Map<string, Parameter>();
      const names = [...idByName.keys()];
      if (names.length === 0) return found;
      const [{ GetParametersCommand }, c] = await Promise.all([sdk(), client()]).catch(async (error) => {
        throw await fail(error, "GetParameters", names[0] as string, signal);
      });
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
          throw await fail(error, "GetParameters", `${chunk.length} names from ${chunk[0]}`, signal);
        }
        // Names that do not exist come back in InvalidParameters: simply absent here.
        for (const parameter of out.Parameters ?? []) {
          const connId = parameter.Name === undefined ? undefined : idByName.get(parameter.Name);
          if (connId === undefined) continue;
          if (scopedNames.has(parameter.Name as string)) found.set(connId, hitOf(connId, parameter));
          else globalFound.set(connId, parameter);
        }
      }
      for (const [connId, parameter] of globalFound)
        if (!found.has(connId)) found.set(connId, hitOf(connId, parameter));
      return found;
    },

    // The manifest reads the stored ids (team-scoped names included); callers see the team's view.
    list: (options?: SourceCallOptions) => admission.teams.visible(list(options)),

    async put(connection: Connection, options?: SourceCallOptions): Promise<void> {
      const signal = options?.signal;
      admission.writable(connection.connId, signal);
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
      manifest?.add(connection.connId);
    },
  };
}
