import { describe, expect, it } from "vitest";
import { cullRects, labelFits } from "./cull";
import { boundsOfFlat, expandRect, rectsIntersect } from "./rect";

describe("culling", () => {
  const view = { minX: 0, minY: 0, maxX: 100, maxY: 100 };

  it("keeps only what intersects the viewport, touching edges included", () => {
    const rects = [
      { minX: 10, minY: 10, maxX: 20, maxY: 20 },
      { minX: 100, minY: 50, maxX: 120, maxY: 60 },
      { minX: 101, minY: 50, maxX: 120, maxY: 60 },
      { minX: -50, minY: -50, maxX: 500, maxY: 500 },
    ];
    expect(cullRects(rects, view)).toEqual([0, 1, 3]);
  });

  it("hides labels of objects that are tiny on screen", () => {
    const b = { minX: 0, minY: 0, maxX: 40, maxY: 10 };
    expect(labelFits(b, 1)).toBe(true);
    expect(labelFits(b, 0.5)).toBe(false);
  });

  it("computes bounds of flat arrays", () => {
    expect(boundsOfFlat([5, 1, -2, 7, 3, 3])).toEqual({ minX: -2, minY: 1, maxX: 5, maxY: 7 });
    expect(rectsIntersect(expandRect({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, 2), { minX: 3, minY: 3, maxX: 4, maxY: 4 })).toBe(true);
  });
});
