import { describe, expect, it } from "vitest";
import { setEnvEntry } from "./setEnvEntry.js";

describe("setEnvEntry", () => {
  it("replaces the id's line in place and keeps every other line", () => {
    expect(setEnvEntry("# c\nA=http://a\n\nB=http://b\n", "A", "http://new")).toBe(
      "# c\nA=http://new\n\nB=http://b\n",
    );
  });

  it("appends a new id, adding the missing line break; keeps CRLF", () => {
    expect(setEnvEntry("A=x", "B", "y")).toBe("A=x\nB=y\n");
    expect(setEnvEntry("", "B", "y")).toBe("B=y\n");
    expect(setEnvEntry("A=x\r\n", "B", "y")).toBe("A=x\r\nB=y\r\n");
  });

  it("a repeated id (which Airflow refuses) keeps only its first line, now the new one", () => {
    expect(setEnvEntry("A=1\r\nB=2\r\nA=3\r\nC=4", "A", "new")).toBe("A=new\r\nB=2\r\nC=4");
  });

  it("counts lines as the reader does (form feeds and U+2028 are line breaks)", () => {
    expect(setEnvEntry("A=1\fB=2\u2028C=3\n", "C", "new")).toBe("A=1\fB=2\u2028C=new\n");
  });
});
