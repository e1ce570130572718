/**
 * Python's `repr(float)`: the shortest round-trip digits, fixed notation when the decimal
 * exponent is in -4..15 (always with a fractional part, `1.0`), otherwise `1e+16` / `1e-05`.
 * Non-finite values are spelt as `json.dumps` writes them (`NaN`, `Infinity`, `-Infinity`), not as
 * `repr` does (`nan`, `inf`): the JSON writer is its user.
 *
 * @example
 * ```ts
 * pyFloatRepr(1);       // "1.0"
 * pyFloatRepr(1e16);    // "1e+16"
 * pyFloatRepr(0.00001); // "1e-05"
 * ```
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Number.POSITIVE_INFINITY) return "Infinity";
  if (x === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mantissa = "", expText = "0"] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  const decpt = exp + 1;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return `${sign}${digits}${"0".repeat(decpt - digits.length)}.0`;
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const rest = digits.length > 1 ? `.${digits.slice(1)}` : "";
  const e = String(Math.abs(exp)).padStart(2, "0");
  return `${sign}${digits[0]}${rest}e${exp < 0 ? "-" : "+"}${e}`;
}
