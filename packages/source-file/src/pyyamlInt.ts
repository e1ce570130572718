/**
 * What PyYAML's `construct_yaml_int` makes of a scalar's text, every digit kept (a JavaScript number
 * holds integers exactly only up to 2^53), or `undefined` where it raises. Its order: `_` dropped,
 * a sign, then `0`, `0b`, `0x`, any other leading `0` (octal, `0o` too; `0:30` raises), sexagesimal
 * (`1:20` is 80), decimal. A Python int has no negative zero.
 *
 * @example
 * ```ts
 * pyyamlInt("0x_1F");                // 31n
 * pyyamlInt("-1:20");                // -80n
 * pyyamlInt("12345678901234567890"); // 12345678901234567890n
 * pyyamlInt("08");                   // undefined (not octal)
 * ```
 */
export function pyyamlInt(text: string): bigint | undefined {
  const value = text.replace(/_/g, "").trim();
  const sign = value.startsWith("-") ? -1n : 1n;
  const digits = value.replace(/^[+-]/, "");
  if (digits === "0") return 0n;
  if (/^0b[01]+$/.test(digits)) return sign * BigInt(`0b${digits.slice(2)}`);
  if (/^0x[0-9a-fA-F]+$/.test(digits)) return sign * BigInt(`0x${digits.slice(2)}`);
  if (digits.startsWith("0"))
    return /^0[oO]?[0-7]+$/.test(digits) ? sign * BigInt(`0o${digits.replace(/^0[oO]?/, "")}`) : undefined;
  if (digits.includes(":")) {
    const parts = digits.split(":");
    if (!parts.every((p) => /^\d+$/.test(p))) return undefined;
    return sign * parts.reduce((sum, p) => sum * 60n + BigInt(p), 0n);
  }
  return /^[1-9]\d*$/.test(digits) ? sign * BigInt(digits) : undefined;
}
