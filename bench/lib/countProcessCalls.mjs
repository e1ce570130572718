// The AWS calls one run of each process side makes, counted by the counting proxy: one more,
// untimed run of each side whose configuration points at the proxy instead of moto.
import { timeNode } from "./timeNode.mjs";

/**
 * @param {{ name: string, args: string[], env?: object, cwd?: string }[]} sides built for the proxy's endpoint
 * @param {{ reset(): void, counts: Map<string, number> }} proxy
 * @returns {Promise<Map<string, Record<string, number>>>} side name -> calls by operation
 */
export async function countProcessCalls(sides, proxy) {
  const out = new Map();
  for (const side of sides) {
    proxy.reset();
    await timeNode(side.args, side);
    out.set(side.name, Object.fromEntries(proxy.counts));
  }
  proxy.reset();
  return out;
}

/** `{ "secretsmanager.GetSecretValue": 1 }` -> "1 GetSecretValue". */
export function callsText(calls) {
  const parts = Object.entries(calls ?? {}).map(([op, n]) => `${n} ${op.split(".").pop()}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}
