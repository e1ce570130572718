import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { pyJsonLoads } from "./pythonJson.js";
import { pyToPlain } from "./pythonJsonDumps.js";
import { MAX_SIZED_KEYS, sizedObject } from "./sizedObject.js";

describe("sizedObject: plain objects sized to their keys", () => {
  test("is a plain object in every way: prototype, constructor, printing, cloning", () => {
    const o = sizedObject(2);
    o.sslmode = "require";
    o.application_name = "app";
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(o.constructor).toBe(Object);
    expect(Object.prototype.toString.call(o)).toBe("[object Object]");
    expect(inspect(o)).toBe("{ sslmode: 'require', application_name: 'app' }");
    expect(JSON.stringify(o)).toBe('{"sslmode":"require","application_name":"app"}');
    expect(structuredClone(o)).toStrictEqual({ sslmode: "require", application_name: "app" });
    expect(o).toStrictEqual({ sslmode: "require", application_name: "app" });
  });

  test("V8's messages name it Object, as for {}", () => {
    const o = Object.freeze(Object.assign(sizedObject(1), { a: 1 }));
    expect(() => {
      (o as Record<string, unknown>).a = 2; // a module is strict code: the write throws
    }).toThrow("of object '#<Object>'");
  });

  test("takes more keys than it was sized for; 0 or too many keys give {}", () => {
    const o = sizedObject(1);
    for (const k of ["a", "b", "c", "d", "e", "f"]) o[k] = k;
    expect(Object.keys(o)).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(sizedObject(0)).toStrictEqual({});
    expect(sizedObject(MAX_SIZED_KEYS + 1)).toStrictEqual({});
  });

  test("pyToPlain's objects keep key order, index keys and an own __proto__ key", () => {
    const plain = pyToPlain(
      pyJsonLoads('{"b": 1, "a": {"x": [1, {"y": 2}]}, "2": 3, "__proto__": {"z": 4}}'),
    );
    expect(Object.keys(plain as object)).toEqual(["2", "b", "a", "__proto__"]);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(plain, "__proto__")?.value).toStrictEqual({ z: 4 });
    expect(JSON.stringify(plain)).toBe('{"2":3,"b":1,"a":{"x":[1,{"y":2}]},"__proto__":{"z":4}}');
  });
});
