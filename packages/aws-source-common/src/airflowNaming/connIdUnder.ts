import { isValidConnId } from "@awsconn/core";

/**
 * The connection id a listed name stands for: the rest of `name` after `head` (the source's
 * prefix and separator), when `name` starts with `head` and that rest is a valid conn id the
 * lookup pattern accepts; otherwise `undefined` (the name is skipped by `list()`).
 *
 * @example
 * ```ts
 * connIdUnder("/airflow/connections/aws_default", "/airflow/connections/", () => true); // "aws_default"
 * connIdUnder("/other/x", "/airflow/connections/", () => true); // undefined
 * ```
 */
export function connIdUnder(
  name: string,
  head: string,
  matches: (id: string) => boolean,
): string | undefined {
  if (!name.startsWith(head)) return undefined;
  const id = name.slice(head.length);
  return isValidConnId(id) && matches(id) ? id : undefined;
}
