// Expected values are CPython 3.11.7's urlsplit answers.
import { describe, expect, test } from "vitest";
import { netlocHostname, netlocPort, netlocUserinfo, urlsplit } from "./urlsplit.js";

describe("urlsplit (Python 3.11)", () => {
  test("parts and netloc properties", () => {
    const s = urlsplit("HTTP://u:p@[::1]:80/p/q?x=1#f");
    expect(s).toEqual({ scheme: "http", netloc: "u:p@[::1]:80", path: "/p/q", query: "x=1", fragment: "f" });
    expect(netlocUserinfo(s.netloc)).toEqual({ username: "u", password: "p" });
    expect(netlocHostname(s.netloc)).toBe("::1");
    expect(netlocPort(s.netloc)).toBe(80);
  });

  test("leading C0/space dropped, tabs and newlines removed anywhere", () => {
    const s = urlsplit(" \x01ht\ttp://Host:8080\n/a?b");
    expect(s).toEqual({ scheme: "http", netloc: "Host:8080", path: "/a", query: "b", fragment: "" });
    expect(netlocHostname(s.netloc)).toBe("host");
  });

  test("a scheme needs a leading ASCII letter and only scheme characters", () => {
    expect(urlsplit("1a://h").scheme).toBe("");
    expect(urlsplit("a_b://h").scheme).toBe("");
    expect(urlsplit("x+y.z-1://h").scheme).toBe("x+y.z-1");
  });

  test.each(["//[::1", "//a]", "//[1.2.3.4]", "//[v1]", "//[::1%]", "//\u2100"])("%j raises", (url) => {
    expect(() => urlsplit(url)).toThrow();
  });

  test.each(["//[v1.x]", "//[fe80::1%25eth0]", "//[::ffff:1.2.3.4]", "//[1:2:3:4:5:6:7:8]"])(
    "%j is accepted",
    (url) => {
      expect(() => urlsplit(url)).not.toThrow();
    },
  );

  test("port: ASCII digits only, 0..65535", () => {
    expect(netlocPort("h:00080")).toBe(80);
    expect(netlocPort("h:")).toBeNull();
    expect(() => netlocPort("h:٨٠")).toThrow("not a number");
    expect(() => netlocPort("h:65536")).toThrow("out of range");
    expect(() => netlocPort(`h:${"9".repeat(400)}`)).toThrow("out of range");
  });
});
