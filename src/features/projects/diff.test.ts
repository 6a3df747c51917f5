import { describe, expect, it } from "vitest";
import { diffLines, paramsText } from "./diff";

describe("diffLines", () => {
  it("marks added and removed lines around common ones", () => {
    expect(diffLines("a\nb\nc", "a\nx\nc")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: "c" },
    ]);
  });
  it("handles an empty side", () => {
    expect(diffLines("", "a")).toEqual([
      { kind: "removed", text: "" },
      { kind: "added", text: "a" },
    ]);
  });
});

describe("paramsText", () => {
  it("drops version bookkeeping and sorts keys", () => {
    expect(paramsText({ version: 2, created_at: "x", z: 1, instruction: "hi" })).toBe('{\n  "instruction": "hi",\n  "z": 1\n}');
  });
});
