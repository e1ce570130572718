import { InvalidConnIdError } from "@awsconn/core";
import { expect } from "vitest";
import { expectNoSecretShown } from "./expectNoSecretShown.js";
import { INVALID_CONN_IDS } from "./invalidConnIds.js";

/** Options of {@link expectRefusesInvalidIds}. */
export interface RefusesInvalidIdsOptions {
  /** Backend lookups made so far; when given, no invalid id may add one. */
  lookups?: () => number;
  /** Secrets no error may show. */
  secrets?: readonly string[];
  /** The ids to try. Default {@link INVALID_CONN_IDS}. */
  ids?: readonly string[];
}

/**
 * Asserts that `call(id)` rejects with `InvalidConnIdError` for every invalid id, before any
 * backend lookup and without showing a secret. Use it for a method the suite does not cover
 * (`put`, a custom lookup).
 *
 * @example
 * ```ts
 * import { expectRefusesInvalidIds } from "@awsconn/source-kit";
 * await expectRefusesInvalidIds((id) => source.put!({ connId: id, extra: {} }), { lookups: () => calls });
 * ```
 */
export async function expectRefusesInvalidIds(
  call: (id: string) => Promise<unknown>,
  options: RefusesInvalidIdsOptions = {},
): Promise<void> {
  for (const id of options.ids ?? INVALID_CONN_IDS) {
    const before = options.lookups?.();
    const error = await Promise.resolve()
      .then(() => call(id))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error, `error for the invalid id ${JSON.stringify(id.slice(0, 20))}`).toBeInstanceOf(
      InvalidConnIdError,
    );
    if (options.lookups) expect(options.lookups()).toBe(before);
    expectNoSecretShown(error, options.secrets ?? []);
  }
}
