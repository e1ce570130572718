/**
 * `client` as the SDK's paginators want it: an instance of `Ctor` (they check `instanceof`). A
 * ready client from another copy of the SDK (an application's own version) is not one, so it is
 * given a stand-in that is, and whose `send` is the client's own.
 *
 * @example
 * ```ts
 * const { paginateListSecrets, SecretsManagerClient } = await import("@aws-sdk/client-secrets-manager");
 * paginateListSecrets({ client: paginatorClient(SecretsManagerClient, c) }, {});
 * ```
 */
export function paginatorClient<C extends { send: (...args: never[]) => unknown }>(
  // biome-ignore lint/suspicious/noExplicitAny: any constructor of the SDK's client class
  Ctor: abstract new (...args: any[]) => C,
  client: C,
): C {
  if (client instanceof Ctor) return client;
  const stand = Object.create(Ctor.prototype) as C;
  Object.defineProperty(stand, "send", { value: client.send.bind(client) });
  return stand;
}
