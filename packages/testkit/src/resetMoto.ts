import { request } from "node:http";

/**
 * Empties a moto server (its `POST /moto-api/reset`): every secret, parameter, role... is gone.
 * Use it on a private server from {@link startMoto}, never on the shared one other files use.
 *
 * @example
 * ```ts
 * beforeEach(() => resetMoto(moto.endpoint));
 * ```
 */
export function resetMoto(endpoint: string): Promise<void> {
  return new Promise((done, fail) => {
    const req = request(`${endpoint}/moto-api/reset`, { method: "POST" }, (res) => {
      res.resume();
      res.on("end", () =>
        res.statusCode === 200 ? done() : fail(new Error(`moto reset: ${res.statusCode}`)),
      );
    });
    req.on("error", fail);
    req.end();
  });
}
