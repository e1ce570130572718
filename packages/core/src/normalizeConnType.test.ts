import { expect, test } from "vitest";
import { normalizeConnType } from "./normalizeConnType.js";

test.each([
  ["postgresql", "postgres"],
  ["google-cloud-platform", "google_cloud_platform"],
  ["aws", "aws"],
  ["Post-Gres", "Post_Gres"],
  ["postgresql-x", "postgresql_x"],
  ["", ""],
])("normalizeConnType(%j) = %j (Airflow's _normalize_conn_type)", (input, expected) => {
  expect(normalizeConnType(input)).toBe(expected);
});
