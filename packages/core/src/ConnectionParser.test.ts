import { describe, expect, it } from "vitest";
import { parseConnectionJson } from "./parseConnectionJson.js";
import { parseConnectionUri } from "./parseConnectionUri.js";
import { parseConnectionValue } from "./parseConnectionValue.js";

// The corpus of both parsers is in test/conformance.test.ts (uri.json / uri_task.json...).
describe("ConnectionParser: Airflow 3's server and Task SDK parsers", () => {
  it("?timeout=30 is the string '30' to the Task SDK's parser (the default) and the number 30 to the server's", () => {
    expect(parseConnectionUri("aws://h?timeout=30&verify=false", "x").extra).toEqual({
      timeout: "30",
      verify: "false",
    });
    expect(parseConnectionUri("aws://h?timeout=30&verify=false", "x", { parser: "server" }).extra).toEqual({
      timeout: 30,
      verify: false,
    });
    expect(parseConnectionUri("aws://h?timeout=30&verify=false", "x", { parser: "task" }).extra).toEqual({
      timeout: "30",
      verify: "false",
    });
  });

  it("keeps an empty password with the Task SDK's parser (the default), in URIs and JSON, through parseConnectionValue", () => {
    expect(parseConnectionUri("aws://user:@h", "x").password).toBe("");
    expect(parseConnectionUri("aws://user:@h", "x", { parser: "server" }).password).toBeUndefined();
    expect(parseConnectionUri("aws://user:@h", "x", { parser: "task" }).password).toBe("");
    expect(parseConnectionJson('{"password": ""}', "x", { parser: "task" }).password).toBe("");
    expect(parseConnectionValue(" aws://h?a=1 ", "x", { parser: "task" }).extra).toEqual({ a: "1" });
  });
});
