import { describe, expect, it } from "vitest";
import { canAddVertex, deleteVertex, edgeMidpoints, insertVertex, moveVertex, toVertices, translatePoints } from "./vertexEdit";

const tri = [0, 0, 10, 0, 10, 10];

describe("vertex editing", () => {
  it("moves, inserts and deletes without touching the input", () => {
    expect(moveVertex(tri, 1, 20, 5)).toEqual([0, 0, 20, 5, 10, 10]);
    expect(insertVertex(tri, 0, 5, -1)).toEqual([0, 0, 5, -1, 10, 0, 10, 10]);
    expect(insertVertex(tri, 2, 0, 10)).toEqual([0, 0, 10, 0, 10, 10, 0, 10]);
    expect(deleteVertex(tri, 1, 1)).toEqual([0, 0, 10, 10]);
    expect(tri).toEqual([0, 0, 10, 0, 10, 10]);
  });

  it("refuses to delete below the minimum (and below one vertex)", () => {
    expect(deleteVertex(tri, 0, 3)).toBeNull();
    expect(deleteVertex([1, 1], 0, 0)).toBeNull();
    expect(deleteVertex(tri, 5, 1)).toBeNull();
  });

  it("finds edge midpoints, closing rings", () => {
    expect(edgeMidpoints(tri, false)).toEqual([
      { index: 0, x: 5, y: 0 },
      { index: 1, x: 10, y: 5 },
    ]);
    expect(edgeMidpoints(tri, true)).toHaveLength(3);
    expect(edgeMidpoints(tri, true)[2]).toEqual({ index: 2, x: 5, y: 5 });
  });

  it("translates and converts to wire vertices", () => {
    expect(translatePoints(tri, 1, 2)).toEqual([1, 2, 11, 2, 11, 12]);
    expect(toVertices([1, 2, 3, 4])).toEqual([
      { x: 1, y: 2 },
      { x: 3, y: 4 },
    ]);
  });

  it("caps vertex counts", () => {
    expect(canAddVertex(3, null)).toBe(true);
    expect(canAddVertex(3, 4)).toBe(true);
    expect(canAddVertex(4, 4)).toBe(false);
  });
});
