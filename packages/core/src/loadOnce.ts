/**
 * The one "load once" rule of awsconn: a loader that runs `load` on the first call and hands every
 * caller the same promise, remembered. A failed load is not remembered: the callers waiting on it
 * get its error, and the next call tries again, so a passing fault (a file system hiccup, a rebuild
 * under a running process) never sticks for the life of the process. Used for SDK clients and
 * modules (`lazyClient`) and for the lazily loaded sources (`lazySource`, the AWS Variable sources).
 *
 * @example
 * ```ts
 * const source = loadOnce(async () => (await import("@awsconn/source-ssm")).fromSsm({}));
 * await (await source()).get("aws_default");
 * ```
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
