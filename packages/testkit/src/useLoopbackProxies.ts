import { afterEach } from "vitest";
import { motoEndpoint } from "./motoEndpoint.js";
import {
  awsJsonError,
  type LoopbackProxy,
  type LoopbackProxyOptions,
  startLoopbackProxy,
} from "./startLoopbackProxy.js";

/** The loopback servers of one test file: see {@link useLoopbackProxies}. */
export interface LoopbackProxies {
  /** A counting proxy in front of `target` (default: the shared moto server). */
  counting(target?: string): Promise<LoopbackProxy>;
  /** A server standing in for AWS that answers every request with `status` and error `type`. */
  failing(status: number, type: string, message?: string): Promise<LoopbackProxy>;
  /** A server that accepts every request and never answers. */
  hanging(): Promise<LoopbackProxy>;
  /** Any other loopback proxy, closed after the test like the rest. */
  start(options: LoopbackProxyOptions): Promise<LoopbackProxy>;
}

/**
 * Loopback servers for the tests of an AWS source, each closed after the test that started it.
 * Call it once at the top of a test file (or `describe` block).
 *
 * @example
 * ```ts
 * const proxies = useLoopbackProxies();
 * it("denied", async () => {
 *   const proxy = await proxies.failing(400, "AccessDeniedException", "not authorized");
 *   const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint });
 * });
 * ```
 */
export function useLoopbackProxies(): LoopbackProxies {
  const open: LoopbackProxy[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((p) => p.close()));
  });
  const start = async (options: LoopbackProxyOptions) => {
    const proxy = await startLoopbackProxy(options);
    open.push(proxy);
    return proxy;
  };
  return {
    counting: (target = motoEndpoint()) => start({ target }),
    failing: (status, type, message = "stand-in for AWS") =>
      start({ respond: () => awsJsonError(status, type, message) }),
    hanging: () => start({ respond: () => "hang" }),
    start,
  };
}
