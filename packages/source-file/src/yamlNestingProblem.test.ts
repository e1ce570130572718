import { describe, expect, it } from "vitest";
import { parseYamlText, YamlTextError } from "./parseYamlText.js";
import { yamlNestingProblem } from "./yamlNestingProblem.js";

describe("yamlNestingProblem", () => {
  it("accepts ordinary connection files", () => {
    const text = 'aws_default:\n  conn_type: aws\n  extra: {"a": [1, [2, {"b": "[[[["}]]}  # [[[[\n';
    expect(yamlNestingProblem(text)).toBeUndefined();
  });

  it("refuses flow nesting past the limit, with the line", () => {
    expect(yamlNestingProblem(`a: 1\nx: ${"[".repeat(201)}${"]".repeat(201)}`)).toEqual({
      reason: "YAML nested deeper than 200 levels",
      line: 2,
    });
    expect(yamlNestingProblem(`x: ${"[".repeat(200)}${"]".repeat(200)}`)).toBeUndefined();
  });

  it("does not count brackets inside quotes or comments", () => {
    const deep = "[".repeat(500);
    expect(yamlNestingProblem(`x: "${deep}"\ny: '${deep}'\n# ${deep}\n`)).toBeUndefined();
  });

  it("refuses block indentation past the limit", () => {
    expect(yamlNestingProblem(`a:\n${" ".repeat(1001)}b: 1\n`)?.line).toBe(2);
  });

  it("makes parseYamlText refuse a 10,000-deep file with a typed error instead of exhausting the stack", () => {
    const text = `x: ${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    expect(() => parseYamlText(text)).toThrow(YamlTextError);
  });
});
