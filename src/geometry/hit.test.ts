import { describe, expect, it } from "vitest";
import { distToSegmentSq, hitBox, hitPolygon, nearPoint, nearPolyline, onBoxBorder } from "./hit";
import { SpatialIndex } from "./spatialIndex";

describe("hit tests", () => {
  it("measures distance to a segment, clamped to its ends", () => {
    expect(distToSegmentSq(5, 3, 0, 0, 10, 0)).toBe(9);
    expect(distToSegmentSq(-3, 4, 0, 0, 10, 0)).toBe(25);
    expect(distToSegmentSq(1, 1, 2, 2, 2, 2)).toBe(2);
  });

  it("finds points near a polyline, and near the closing segment only when closed", () => {
    const l = [0, 0, 10, 0, 10, 10];
    expect(nearPolyline(l, 5, 1, 2)).toBe(true);
    expect(nearPolyline(l, 5, 4, 2)).toBe(false);
    expect(nearPolyline(l, 5, 5, 1)).toBe(false);
    expect(nearPolyline(l, 5, 5, 1, true)).toBe(true);
  });

  it("hits points within a radius", () => {
    expect(nearPoint(10, 10, 12, 11, 3)).toBe(true);
    expect(nearPoint(10, 10, 14, 10, 3)).toBe(false);
  });

  it("hits a polygon inside and on its outline", () => {
    const tri = [0, 0, 10, 0, 0, 10];
    expect(hitPolygon(tri, 2, 2, 0)).toBe(true);
    expect(hitPolygon(tri, 6, 6, 0)).toBe(false);
    expect(hitPolygon(tri, 5.5, 5.5, 1)).toBe(true);
  });

  it("hits a box inside or at its border", () => {
    const r = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
    expect(hitBox(r, 5, 5, 0)).toBe(true);
    expect(hitBox(r, 11, 5, 2)).toBe(true);
    expect(hitBox(r, 13, 5, 2)).toBe(false);
    expect(onBoxBorder(r, 5, 5, 1)).toBe(false);
    expect(onBoxBorder(r, 9.5, 5, 1)).toBe(true);
  });
});

describe("SpatialIndex", () => {
  const bounds = [
    { minX: 0, minY: 0, maxX: 100, maxY: 100 },
    { minX: 10, minY: 10, maxX: 20, maxY: 20 },
    { minX: 500, minY: 500, maxX: 510, maxY: 510 },
  ];
  const index = new SpatialIndex(bounds);

  it("culls to a rect", () => {
    expect(index.search({ minX: 0, minY: 0, maxX: 50, maxY: 50 }).sort()).toEqual([0, 1]);
    expect(index.search({ minX: 200, minY: 200, maxX: 300, maxY: 300 })).toEqual([]);
    expect(index.size).toBe(3);
  });

  it("picks the smallest object that the exact test accepts", () => {
    expect(index.pick(15, 15, 1, () => true)).toBe(1);
    expect(index.pick(15, 15, 1, (id) => id !== 1)).toBe(0);
    expect(index.pick(300, 300, 1, () => true)).toBeNull();
  });
});
