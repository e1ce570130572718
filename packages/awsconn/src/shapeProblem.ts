import { CONFIG_CHECK_MESSAGES, type ConfigCheckName } from "./configChecks.js";
import { type ConfigPath, didYouMean, kindOf, pathText, shown } from "./configText.js";

type ShapeNode = Readonly<Record<string, unknown>>;

/** Why a value left the configuration's JSON Schema (what quickConfig's interpreter saw). */
export type ShapeFailure =
  | { kind: "type" | "const" | "enum" | "bounds"; node: ShapeNode; value: unknown }
  | { kind: "check"; node: ShapeNode; value: unknown; check: ConfigCheckName }
  | { kind: "unknownKey"; key: string; known: readonly string[] }
  | { kind: "discriminator"; value: unknown; types: readonly string[] };

/** One problem of a configuration: where (key path and its text) and what is wrong. */
export interface ShapeProblem {
  path: ConfigPath;
  /** `sources[0].type`, or "(top level)". */
  text: string;
  message: string;
}

/**
 * A failure as a problem worded like parseConfig's zod path (`expected ..., got ...`).
 *
 * @example
 * ```ts
 * shapeProblem(["mode"], { kind: "enum", node: { enum: ["first", "merge"] }, value: "last" }).message;
 * // 'expected one of first, merge, got "last"'
 * ```
 */
export function shapeProblem(path: ConfigPath, failure: ShapeFailure): ShapeProblem {
  return { path, text: pathText(path) || "(top level)", message: messageOf(failure) };
}

function messageOf(failure: ShapeFailure): string {
  switch (failure.kind) {
    case "unknownKey":
      return `unknown key "${failure.key}"${didYouMean(failure.key, failure.known)}`;
    case "discriminator":
      return `expected one of ${failure.types.join(", ")}, got ${shown(failure.value)}${didYouMean(failure.value, failure.types)}`;
    case "check":
      return `${CONFIG_CHECK_MESSAGES[failure.check]}, got ${shown(failure.value)}`;
    case "const":
      return `expected ${shown(failure.node.const)}, got ${shown(failure.value)}`;
    case "enum": {
      const options = (failure.node.enum as unknown[]).map(String);
      return `expected one of ${options.join(", ")}, got ${shown(failure.value)}${didYouMean(failure.value, options)}`;
    }
    case "type":
      if (failure.node.type === "object" && Array.isArray(failure.value))
        return "expected an object ({ ... }), got array";
      return `expected ${typeText(failure.node)}, got ${kindOf(failure.value)}`;
    case "bounds":
      return `expected ${typeText(failure.node)}${boundsText(failure.node)}, got ${kindOf(failure.value)}`;
  }
}

function typeText(node: ShapeNode): string {
  const types = ([] as unknown[]).concat(node.type ?? "value");
  return types.map((t) => (/^[aeiou]/.test(String(t)) ? `an ${t}` : `a ${t}`)).join(" or ");
}

/** The bounds of a node, as ` of 1 to 10 characters`, ` >= 0`, ` matching /^x/`. */
function boundsText(node: ShapeNode): string {
  const parts: string[] = [];
  if (typeof node.minLength === "number" || typeof node.maxLength === "number")
    parts.push(
      typeof node.maxLength === "number"
        ? `of ${node.minLength ?? 0} to ${node.maxLength} characters`
        : `of at least ${node.minLength} character${node.minLength === 1 ? "" : "s"}`,
    );
  if (typeof node.pattern === "string") parts.push(`matching /${node.pattern}/`);
  // An integer's own bounds (zod's safe-integer range) go without saying.
  for (const [key, op] of [
    ["minimum", ">="],
    ["exclusiveMinimum", ">"],
    ["maximum", "<="],
    ["exclusiveMaximum", "<"],
  ] as const)
    if (typeof node[key] === "number" && Math.abs(node[key] as number) !== Number.MAX_SAFE_INTEGER)
      parts.push(`${op} ${node[key]}`);
  return parts.length ? ` ${parts.join(", ")}` : "";
}
