import type { Pluggable } from "@smithy/types";
import type { StsCaller } from "./StsCaller.js";

/**
 * An SDK client plugin that answers an STS client's `AssumeRole` and `AssumeRoleWithWebIdentity`
 * calls with `sts` (a {@link StsCaller}), first thing in the middleware stack; other calls go on.
 * Added under one name with `override`, so adding it again (the SDK's `fromTemporaryCredentials`
 * applies its plugins on every call) replaces it instead of stacking copies.
 *
 * @example
 * ```ts
 * fromTemporaryCredentials({ params, clientPlugins: [answerStsWith(sts)] });
 * ```
 */
export function answerStsWith(sts: StsCaller): Pluggable<object, object> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          const input = args.input as never;
          if (context.commandName === "AssumeRoleCommand") {
            return { output: (await sts.assumeRole(input)) as object, response: {} };
          }
          if (context.commandName === "AssumeRoleWithWebIdentityCommand") {
            return { output: (await sts.assumeRoleWithWebIdentity(input)) as object, response: {} };
          }
          return next(args);
        },
        { step: "initialize", priority: "high", name: "awsconnStsCaller", override: true },
      );
    },
  };
}
