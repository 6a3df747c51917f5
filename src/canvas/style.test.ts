import { differenceCiede2000 } from "culori";
import { describe, expect, it } from "vitest";
import { CATEGORICAL_PALETTE, hslToHex, labelPalette, textColorOn, UNLABELED_COLOR } from "./style";

const deltaE = differenceCiede2000();

describe("labelPalette", () => {
  it("gives distinct labels of one scene clearly different colours (CIEDE2000 ≥ 14)", () => {
    // The labels that collided under the old hash colours, then enough to use the whole palette.
    const labels = ["car", "motorbike", "cable", "horizon", ...Array.from({ length: 15 }, (_, i) => `label ${i}`)];
    const palette = labelPalette(labels);
    const colors = labels.map((l) => palette.colorOf(l));
    expect(new Set(colors).size).toBe(labels.length);
    let closest = Infinity;
    for (let i = 0; i < colors.length; i++) {
      for (let j = i + 1; j < colors.length; j++) closest = Math.min(closest, deltaE(colors[i], colors[j]));
      // Unlabeled objects stay apart from every label too.
      expect(deltaE(colors[i], UNLABELED_COLOR), `${labels[i]} vs unlabeled`).toBeGreaterThan(10);
    }
    expect(closest).toBeGreaterThanOrEqual(14);
  });

  it("assigns in label order and is stable for the same list", () => {
    const a = labelPalette(["person", "car"]);
    const b = labelPalette(["person", "car"]);
    expect(a.colorOf("person")).toBe(CATEGORICAL_PALETTE[0]);
    expect(a.colorOf("car")).toBe(CATEGORICAL_PALETTE[1]);
    expect(b.colorOf("car")).toBe(a.colorOf("car"));
    expect(a.colorOf("")).toBe(UNLABELED_COLOR);
  });

  it("colours a label missing from the list with the next free colour, and keeps it", () => {
    const p = labelPalette(["a"]);
    const late = p.colorOf("late");
    expect(late).toBe(CATEGORICAL_PALETTE[1]);
    expect(p.colorOf("late")).toBe(late);
    expect(p.labels).toEqual(["a", "late"]);
  });

  it("keeps colouring past the palette with distinct colours", () => {
    const labels = Array.from({ length: 40 }, (_, i) => `l${i}`);
    const p = labelPalette(labels);
    expect(new Set(labels.map((l) => p.colorOf(l))).size).toBe(40);
  });
});

describe("colour helpers", () => {
  it("converts hsl", () => {
    expect(hslToHex(0, 100, 50)).toBe("#ff0000");
    expect(hslToHex(120, 100, 25)).toBe("#008000");
  });

  it("picks readable tag text", () => {
    expect(textColorOn("#ffe119")).toBe("#111111");
    expect(textColorOn("#000075")).toBe("#ffffff");
    expect(textColorOn("#800000")).toBe("#ffffff");
  });
});
