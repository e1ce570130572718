import { ConnectionFormatError, parsePythonJson } from "@awsconn/core";

/**
 * Whether Python would call the value false (`None`, `False`, `0`, `""`, `[]`, `{}`): Airflow's
 * `AwsConnectionWrapper` tests extra values that way (`if role_arn:`, `key_id and secret`,
 * `config_kwargs or {}`), so such a value means "not set" here.
 *
 * @example
 * ```ts
 * pythonFalsy(0); // true
 * pythonFalsy([]); // true
 * pythonFalsy(" "); // false
 * ```
 */
export function pythonFalsy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === "") return true;
  if (typeof value !== "object") return false;
  return Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0;
}

/**
 * Reads an extra value that should be a string: a value Python calls false (`null`, `""`, `0`,
 * `false`, `[]`, `{}`) means absent, as Airflow's truth tests treat it; other numbers and `true`
 * are turned into strings (URI extras are always strings, JSON ones may not be).
 *
 * @example
 * ```ts
 * extraString({ region_name: "eu-west-1" }, "region_name"); // "eu-west-1"
 * extraString({ region_name: null }, "region_name");        // undefined
 * extraString({ role_arn: 0 }, "role_arn");                 // undefined
 * ```
 */
export function extraString(extra: Record<string, unknown>, key: string): string | undefined {
  const value = extra[key];
  if (pythonFalsy(value)) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new ConnectionFormatError(`extra.${key} must be a string, got ${describe(value)}`);
}

/**
 * Reads an extra value that should be a JSON object. A string holding a JSON object is accepted
 * (that is how nested values arrive from a URI query); a value Python calls false (`null`, `""`,
 * `0`, `false`, `[]`) means absent, as Airflow's `config_kwargs or {}` does.
 *
 * @example
 * ```ts
 * extraObject({ assume_role_kwargs: '{"DurationSeconds":900}' }, "assume_role_kwargs"); // { DurationSeconds: 900 }
 * ```
 */
export function extraObject(
  extra: Record<string, unknown>,
  key: string,
): Record<string, unknown> | undefined {
  let value = extra[key];
  if (pythonFalsy(value)) return undefined;
  if (typeof value === "string") {
    try {
      value = parsePythonJson(value).value;
    } catch {
      throw new ConnectionFormatError(
        `extra.${key} must be a JSON object; the string given is not valid JSON`,
      );
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConnectionFormatError(`extra.${key} must be a JSON object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/** A short type description for error messages (never the value itself). */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
