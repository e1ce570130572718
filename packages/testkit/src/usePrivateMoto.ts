import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetMoto } from "./resetMoto.js";
import { type MotoServer, startMoto } from "./startMoto.js";

/** The private moto server of a suite and its SDK client, set once the suite's `beforeAll` ran. */
export interface PrivateMoto<Admin> {
  readonly endpoint: string;
  readonly admin: Admin;
}

/**
 * Registers a suite's private moto server: started with `services` before all tests (with the
 * SDK client `admin` makes), reset before each test, stopped (and the client destroyed) after all.
 *
 * @example
 * ```ts
 * const server = usePrivateMoto(["ssm"], (endpoint) => new SSMClient(awsTestClientConfig(endpoint)));
 * it("reads", async () => { await server.admin.send(...); });
 * ```
 */
export function usePrivateMoto<Admin extends { destroy(): void }>(
  services: string[],
  admin: (endpoint: string) => Admin,
): PrivateMoto<Admin> {
  let moto: MotoServer | undefined;
  let client: Admin | undefined;
  beforeAll(async () => {
    moto = await startMoto({ services });
    client = admin(moto.endpoint);
  }, 120_000);
  afterAll(async () => {
    client?.destroy();
    await moto?.stop();
  });
  beforeEach(async () => {
    await resetMoto((moto as MotoServer).endpoint);
  });
  return {
    get endpoint() {
      return (moto as MotoServer).endpoint;
    },
    get admin() {
      return client as Admin;
    },
  };
}
