import { describe, expect, it } from "vitest";
import { airflowSlug, roleSessionName } from "./roleSessionName.js";

// Expected values: the output of python-slugify 8 `slugify("Airflow_" + id, regex_pattern=r"[^\w+=,.@-]+")`,
// the call Airflow's BaseSessionFactory makes; "aws/test" -> "airflow_aws-test" is also asserted in
// Airflow's own test_base_aws.py (test_assume_role).
describe("roleSessionName", () => {
  it.each([
    ["aws/test", "airflow_aws-test"],
    ["Team.ETL#1", "airflow_team.etl-1"],
    ["aws_default", "airflow_aws_default"],
    ["F5", "airflow_f5"],
    ["a//b\\\\c", "airflow_a-b-c"],
    ["x(y)!", "airflow_x-y"],
    ["mail@corp+x=1,2", "airflow_mail@corp+x=12"],
    ["naïve-café", "airflow_naive-cafe"],
    ["straße", "airflow_strasse"],
    ["--edge--", "airflow_-edge"],
    ["a½b", "airflow_a1-2b"],
    ["x¼y¾z", "airflow_x1-4y3-4z"],
    ["a€b", "airflow_aeurb"],
    ["n°1", "airflow_ndeg1"],
    ["a™b", "airflow_atmb"],
  ])("%s -> %s", (connId, expected) => {
    expect(roleSessionName(connId)).toBe(expected);
  });

  it("keeps to the STS limit of 64 characters", () => {
    const name = roleSessionName("a".repeat(200));
    expect(name).toHaveLength(64);
    expect(name.startsWith("airflow_aaa")).toBe(true);
  });

  it("slug: quotes become dashes, entities are decoded, dash runs collapse", () => {
    expect(airflowSlug("it's")).toBe("it-s");
    expect(airflowSlug("a&#47;b")).toBe("a-b");
    expect(airflowSlug("--A  B--")).toBe("a-b");
    expect(airflowSlug("1,000 x")).toBe("1000-x");
  });
});
