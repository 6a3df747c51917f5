import { describe, expect, it } from "vitest";
import { pointInPolygon, polygonArea, polygonCentroid } from "./polygon";

const square = [0, 0, 10, 0, 10, 10, 0, 10];
const triangle = [356, 145, 502, 103, 482, 264];

describe("polygon", () => {
  it("computes the area whatever the winding", () => {
    expect(polygonArea(square)).toBe(100);
    expect(polygonArea([0, 10, 10, 10, 10, 0, 0, 0])).toBe(100);
    expect(polygonArea([0, 0, 4, 0, 0, 3])).toBe(6);
    expect(polygonArea([1, 1, 2, 2])).toBe(0);
  });

  it("tells inside from outside", () => {
    expect(pointInPolygon(square, 5, 5)).toBe(true);
    expect(pointInPolygon(square, 15, 5)).toBe(false);
    expect(pointInPolygon(triangle, 450, 160)).toBe(true);
    expect(pointInPolygon(triangle, 360, 250)).toBe(false);
  });

  it("handles a concave polygon", () => {
    const u = [0, 0, 30, 0, 30, 30, 20, 30, 20, 10, 10, 10, 10, 30, 0, 30];
    expect(pointInPolygon(u, 15, 20)).toBe(false);
    expect(pointInPolygon(u, 5, 20)).toBe(true);
  });

  it("finds the centroid", () => {
    expect(polygonCentroid(square)).toEqual({ x: 5, y: 5 });
    expect(polygonCentroid([1, 1, 3, 3])).toEqual({ x: 2, y: 2 });
  });
});
