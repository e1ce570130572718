import type { SSMClient } from "@aws-sdk/client-ssm";
import { type failureFor, sendWithin } from "@awsconn/aws-source-common";

/** The part of an SSM parameter a source reads. */
export interface Parameter {
  Name?: string;
  Value?: string;
  Version?: number;
}

/**
 * What {@link parameterReader} needs from its source.
 *
 * @example
 * ```ts
 * const init: ParameterReaderInit = { sdk, client, fail: failureFor("ssm"), deadlineMs: 15_000 };
 * ```
 */
export interface ParameterReaderInit {
  sdk: () => Promise<typeof import("@aws-sdk/client-ssm")>;
  client: () => Promise<SSMClient>;
  fail: ReturnType<typeof failureFor>;
  deadlineMs: number;
}

/**
 * One `GetParameter(Name, WithDecryption = true)` under the call deadline and the caller's signal:
 * the parameter, `undefined` for `ParameterNotFound`, else the source's failure (`SourceError`,
 * or the signal's reason). Shared by the connections and the Variables sources.
 *
 * @example
 * ```ts
 * const read = parameterReader({ sdk, client, fail, deadlineMs });
 * const parameter = await read("/airflow/variables/region", signal);
 * ```
 */
export function parameterReader(
  init: ParameterReaderInit,
): (name: string, signal: AbortSignal | undefined) => Promise<Parameter | undefined> {
  const { sdk, client, fail, deadlineMs } = init;
  return async (name, signal) => {
    try {
      const [{ GetParameterCommand }, c] = await Promise.all([sdk(), client()]);
      const out = await sendWithin(
        c,
        new GetParameterCommand({ Name: name, WithDecryption: true }),
        deadlineMs,
        signal,
      );
      return out.Parameter;
    } catch (error) {
      if (!signal?.aborted && (error as Error)?.name === "ParameterNotFound") return undefined;
      throw await fail(error, "GetParameter", name, signal);
    }
  };
}
