import { describe, expect, it } from "vitest";
import { yamlError } from "../test/yamlError.js";
import { parseYamlText } from "./parseYamlText.js";

// constructionProblem finds every alias's node in one walk of the document (the yaml package's own
// Alias.resolve walks the document up to the alias each time, quadratic in a file of many aliases).

describe("aliases in the construction check", () => {
  it("a merge of an alias of a scalar is reported where the anchored scalar is (PyYAML marks the node)", () => {
    expect(yamlError("x: 1\nd: &d 1\nc:\n  <<: *d\n").line).toBe(2);
    expect(yamlError("d: &d [1]\nc:\n  <<: [*d]\n").line).toBe(1);
  });

  it("a chain of 10 mappings, each merging the one before, is read with every merge", () => {
    const lines = ["a0: &a0 {conn_type: aws, host: h}"];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i}\n  <<: *a${i - 1}\n  port: ${i}`);
    const value = parseYamlText(`${lines.join("\n")}\n`).value as Record<string, Record<string, unknown>>;
    expect(value.a9).toEqual({ conn_type: "aws", host: "h", port: 9 });
  });
});
