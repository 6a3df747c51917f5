import { describe, expect, it } from "vitest";
import { boundingRect, cssToDeviceRect, disjointRects, imageAreaOf, toDeviceRect, totalArea, type DeviceRect } from "./damage";

const view = { scale: 0.5, x: 10, y: 20 };

describe("toDeviceRect", () => {
  it("maps image bounds through the view, grows by the margin and rounds outwards", () => {
    // x: 100*0.5+10 = 60 .. 200*0.5+10 = 110; y: 50*0.5+20 = 45 .. 80*0.5+20 = 60; margin 2 px.
    expect(toDeviceRect({ minX: 100, minY: 50, maxX: 200, maxY: 80 }, view, 1, 2, 1000, 1000)).toEqual({ x: 58, y: 43, w: 54, h: 19 });
    // Fractional edges go out to whole pixels.
    expect(toDeviceRect({ minX: 101, minY: 51, maxX: 199, maxY: 79 }, view, 1, 0, 1000, 1000)).toEqual({ x: 60, y: 45, w: 50, h: 15 });
  });

  it("scales by the pixel ratio (device pixels)", () => {
    expect(toDeviceRect({ minX: 100, minY: 50, maxX: 200, maxY: 80 }, view, 2, 2, 1000, 1000)).toEqual({ x: 116, y: 86, w: 108, h: 38 });
  });

  it("clips to the canvas and drops what is off it", () => {
    expect(toDeviceRect({ minX: -100, minY: -100, maxX: 10, maxY: 10 }, view, 1, 0, 100, 100)).toEqual({ x: 0, y: 0, w: 15, h: 25 });
    expect(toDeviceRect({ minX: 1000, minY: 1000, maxX: 1100, maxY: 1100 }, view, 1, 0, 100, 100)).toBeNull();
  });

  it("a point (zero-size bounds) still covers its margin", () => {
    expect(toDeviceRect({ minX: 10, minY: 10, maxX: 10, maxY: 10 }, { scale: 1, x: 0, y: 0 }, 1, 8, 100, 100)).toEqual({ x: 2, y: 2, w: 16, h: 16 });
  });
});

describe("imageAreaOf", () => {
  it("is the inverse mapping, grown by the margin, and covers the object that made the rectangle", () => {
    const bounds = { minX: 100, minY: 50, maxX: 200, maxY: 80 };
    const r = toDeviceRect(bounds, view, 2, 8, 4000, 4000) as DeviceRect;
    const area = imageAreaOf(r, view, 2, 8);
    expect(area.minX).toBeLessThanOrEqual(bounds.minX - 16);
    expect(area.maxX).toBeGreaterThanOrEqual(bounds.maxX + 16);
    expect(area.minY).toBeLessThanOrEqual(bounds.minY - 16);
    expect(area.maxY).toBeGreaterThanOrEqual(bounds.maxY + 16);
  });
});

describe("cssToDeviceRect", () => {
  it("covers a tag with one pixel to spare", () => {
    expect(cssToDeviceRect({ x: 10.5, y: 20, width: 30, height: 16 }, 1, 500, 500)).toEqual({ x: 9, y: 19, w: 33, h: 18 });
  });
});

describe("disjointRects", () => {
  const covers = (rects: DeviceRect[], x: number, y: number) => rects.filter((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h).length;

  it("merges overlapping rectangles, transitively, and keeps separate ones apart", () => {
    const input = [
      { x: 0, y: 0, w: 10, h: 10 },
      { x: 5, y: 5, w: 10, h: 10 },
      { x: 14, y: 14, w: 5, h: 5 },
      { x: 100, y: 100, w: 5, h: 5 },
    ];
    const out = disjointRects(input);
    expect(out).toHaveLength(2);
    expect(out).toContainEqual({ x: 0, y: 0, w: 19, h: 19 });
    expect(out).toContainEqual({ x: 100, y: 100, w: 5, h: 5 });
  });

  it("leaves every pixel of the input covered exactly once", () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const input = Array.from({ length: 40 }, () => ({ x: rnd(200), y: rnd(200), w: 1 + rnd(30), h: 1 + rnd(30) }));
    const out = disjointRects(input);
    for (let y = 0; y < 240; y += 3) {
      for (let x = 0; x < 240; x += 3) {
        const inInput = covers(input, x, y) > 0;
        const n = covers(out, x, y);
        expect(n).toBeLessThanOrEqual(1);
        if (inInput) expect(n).toBe(1);
      }
    }
  });

  it("drops empty rectangles", () => {
    expect(disjointRects([{ x: 1, y: 1, w: 0, h: 5 }])).toEqual([]);
  });
});

describe("boundingRect and totalArea", () => {
  it("bound and sum", () => {
    const rects = [
      { x: 0, y: 0, w: 2, h: 2 },
      { x: 10, y: 5, w: 3, h: 1 },
    ];
    expect(boundingRect(rects)).toEqual({ x: 0, y: 0, w: 13, h: 6 });
    expect(boundingRect([])).toBeNull();
    expect(totalArea(rects)).toBe(7);
  });
});
