import { describe, expect, it } from "vitest";
import { colorizeIndexed, MaskLookup, maskEntries, parseHexColor, toHexColor } from "./mask";

// The docs' example labelMapping.
const labelMapping = {
  "lane marking": { color: "#9e3fff", index: 6 },
  vehicle: [
    { color: "#8000ff", index: 5 },
    { color: "#ff0080", index: 4 },
  ],
  background: { color: "#00ffff", index: 3 },
  road: { color: "#80ff00", index: 2 },
  vegetation: { color: "#ff0000", index: 1 },
};

describe("mask", () => {
  it("flattens the label mapping, instances included, ordered by index", () => {
    const e = maskEntries(labelMapping);
    expect(e.map((x) => x.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(e.find((x) => x.index === 4)).toEqual({ label: "vehicle", instance: 1, color: "#ff0080", index: 4 });
    expect(e.find((x) => x.index === 2)?.instance).toBeNull();
  });

  it("parses and prints colours", () => {
    expect(parseHexColor("#9e3fff")).toEqual([158, 63, 255]);
    expect(parseHexColor("#f08")).toEqual([255, 0, 136]);
    expect(parseHexColor("red")).toBeNull();
    expect(toHexColor(158, 63, 255)).toBe("#9e3fff");
  });

  it("looks up index → label and colour → label", () => {
    const l = new MaskLookup(maskEntries(labelMapping));
    expect(l.atIndex(6)?.label).toBe("lane marking");
    expect(l.atIndex(0)).toBeNull();
    expect(l.atColor(255, 0, 128)).toMatchObject({ label: "vehicle", instance: 1 });
    expect(l.colorOf(2)).toEqual([128, 255, 0]);
  });

  it("colourises an indexed image from the red channel, hiding what is hidden", () => {
    const l = new MaskLookup(maskEntries(labelMapping));
    const px = new Uint8ClampedArray([2, 0, 0, 255, 6, 0, 0, 255, 9, 0, 0, 255]);
    const { rgba, indices } = colorizeIndexed(px, l, (e) => e.label !== "lane marking");
    expect(Array.from(indices)).toEqual([2, 6, 9]);
    expect(Array.from(rgba.slice(0, 4))).toEqual([128, 255, 0, 255]);
    expect(rgba[7]).toBe(0);
    expect(rgba[11]).toBe(0);
  });
});
