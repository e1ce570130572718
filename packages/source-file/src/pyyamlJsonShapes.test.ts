import { describe, expect, it } from "vitest";
import { loadConnections } from "./loadConnections.js";
import { parseYamlText } from "./parseYamlText.js";

// Airflow 3.3.2 with PyYAML 6.0.3 (CSafeLoader), through load_connections_dict: each extra as
// Airflow stores it, or the TypeError its json.dumps raises.
describe("pyyamlJsonShapes: an extra holds what Airflow's json.dumps writes", () => {
  it("reads !!omap and !!pairs as lists of [key, value] lists, anchors kept", () => {
    expect(
      parseYamlText("k: &o !!omap [{p: 1}, {q: 2}]\nj: *o\nl: !!pairs [{p: 1}, {p: 2}]\n").value,
    ).toEqual({
      k: [
        ["p", 1],
        ["q", 2],
      ],
      j: [
        ["p", 1],
        ["q", 2],
      ],
      l: [
        ["p", 1],
        ["p", 2],
      ],
    });
  });

  it("refuses a date or !!binary key and a !!set in an extra (TypeError in Airflow)", () => {
    const reasons = (extra: string) =>
      loadConnections(`a:\n  conn_type: aws\n  extra:\n${extra}`, "yaml").problems.map((p) => p.reason);
    expect(reasons("    2001-12-14: x\n")).toEqual(["extra holds a YAML date, which is not JSON; quote it"]);
    expect(reasons("    k: {? !!binary Null : x}\n")).toEqual([
      "extra holds binary data (!!binary), which is not JSON; give it as text",
    ]);
    expect(reasons("    k: !!set {p, q}\n")).toEqual([
      "extra holds a set (!!set), which is not JSON; give a list",
    ]);
    expect(loadConnections("a: !!set {p}\n", "yaml").problems.map((p) => p.reason)).toEqual([
      'unexpected value type set for "a": a connection is a string (URI) or an object',
    ]);
  });

  it("never quotes the refused value or key (planted secret)", () => {
    const secret = "U2VjcjN0UExBTlRFRA=="; // base64 of a planted secret
    for (const extra of [
      `    k: !!binary ${secret}\n`,
      `    k: {? !!binary ${secret} : x}\n`,
      `    k: !!set {${secret}}\n`,
    ]) {
      const { problems } = loadConnections(`a:\n  conn_type: aws\n  extra:\n${extra}`, "yaml");
      expect(problems).toHaveLength(1);
      expect(JSON.stringify(problems.map((p) => [p.reason, String(p.cause ?? "")]))).not.toContain(secret);
      expect(JSON.stringify(problems)).not.toContain("Secr3tPLANTED");
    }
  });

  it("keeps the keys json.dumps turns into text", () => {
    const { entries } = loadConnections(
      "a:\n  conn_type: aws\n  extra:\n    1.5: x\n    null: y\n    true: z\n",
      "yaml",
    );
    expect(entries.get("a")?.connection.extra).toEqual({ "1.5": "x", null: "y", true: "z" });
  });
});
