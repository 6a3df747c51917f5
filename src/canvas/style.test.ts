import { describe, expect, it } from "vitest";
import { hslToHex, labelColor, UNLABELED_COLOR } from "./style";

describe("labelColor", () => {
  it("is stable and differs between labels", () => {
    expect(labelColor("car")).toBe(labelColor("car"));
    expect(labelColor("car")).toMatch(/^#[0-9a-f]{6}$/);
    expect(labelColor("car")).not.toBe(labelColor("pedestrian"));
    expect(labelColor("")).toBe(UNLABELED_COLOR);
  });

  it("converts hsl", () => {
    expect(hslToHex(0, 100, 50)).toBe("#ff0000");
    expect(hslToHex(120, 100, 25)).toBe("#008000");
  });
});
