import type { Alias, Document, Node } from "yaml";
import { requireYaml } from "./requireYaml.js";

type ResolveContext = Parameters<Alias["resolve"]>[1];

/**
 * Makes alias resolution of `doc` linear and returns, for each alias, the node it stands for (the
 * last node before it with its anchor, the `yaml` package's rule), found in one pass.
 *
 * The `yaml` package resolves each alias by scanning every anchor and alias before it (with no
 * context, by walking the whole document): n aliases cost n² steps, so 4,000 `extra: *defaults`
 * took 48 s. Each alias of `doc` gets a `resolve` that hands the package's own resolution a list of
 * just its target, so the package still counts uses and applies `maxAliasCount` as before; if a
 * later version ignores that list, resolution is merely slower again, never different.
 *
 * @example
 * ```ts
 * const doc = parseDocument("a: &x 1\nb: *x\n");
 * linearYamlAliases(doc); // Map { Alias(x) => Scalar(1) }
 * doc.toJS(); // { a: 1, b: 1 }
 * ```
 */
export function linearYamlAliases(doc: Document): Map<Alias, Node> {
  const last = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  const { Alias, isAlias, visit } = requireYaml();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = last.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) last.set(node.anchor, node);
    },
  });
  for (const [alias, target] of targets) {
    Object.defineProperty(alias, "resolve", {
      value(this: Alias, at: Document, ctx?: ResolveContext) {
        if (!ctx) return target;
        const context = ctx as ResolveContext & { aliasResolveCache?: unknown[] };
        const saved = context.aliasResolveCache;
        context.aliasResolveCache = [target, alias];
        try {
          return Alias.prototype.resolve.call(alias, at, ctx);
        } finally {
          context.aliasResolveCache = saved;
        }
      },
      configurable: true,
      writable: true,
    });
  }
  return targets;
}
