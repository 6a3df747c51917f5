import { describe, expect, it } from "vitest";
import { boxToRect, innerStrokeRect, normalizeBox } from "./box";

describe("box", () => {
  it("normalises negative sizes", () => {
    expect(normalizeBox({ left: 10, top: 20, width: -4, height: -6 })).toEqual({
      left: 6,
      top: 14,
      width: 4,
      height: 6,
    });
    expect(normalizeBox({ left: 2, top: 4, width: 3, height: 5 })).toEqual({ left: 2, top: 4, width: 3, height: 5 });
  });

  it("converts to a rect", () => {
    expect(boxToRect({ left: 7, top: 5, width: 14, height: 5 })).toEqual({ minX: 7, minY: 5, maxX: 21, maxY: 10 });
  });

  it("insets the stroke so the border lies inside the box", () => {
    expect(innerStrokeRect({ left: 0, top: 0, width: 10, height: 20 }, 2)).toEqual({
      left: 1,
      top: 1,
      width: 8,
      height: 18,
    });
    expect(innerStrokeRect({ left: 0, top: 0, width: 1, height: 20 }, 2)).toBeNull();
  });
});
