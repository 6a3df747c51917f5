import { describe, expect, it } from "vitest";
import { checkCuboids, Issues } from "./validate";
import { CuboidannotationParams } from "../schema";
import { cuboidEdges, cuboidModel, cuboidVertices, cuboidWithDepth, dragCuboidVertex, translateCuboid, type CuboidModel } from "./cuboidEdit";

const face = { left: 100, top: 100, right: 200, bottom: 180 };
const params = CuboidannotationParams.parse({ attachment: "https://x.test/a.png", objects_to_annotate: ["car"], min_width: 10, min_height: 10 });

function validate(m: CuboidModel): string[] {
  const issues = new Issues();
  checkCuboids(params, { annotations: [{ label: "car", vertices: cuboidVertices(m), edges: cuboidEdges(m) }] }, null, issues);
  return issues.list;
}

describe("cuboid editing", () => {
  it("sets the side from the pointer, beyond the face, as tall as the face", () => {
    const m = cuboidWithDepth(face, 260, 120);
    expect(m.side).toEqual({ x: 260, top: 80, bottom: 160 });
    expect(validate(m)).toEqual([]);
    // A pointer inside the face puts the side just outside it.
    expect(cuboidWithDepth(face, 190, 140).side?.x).toBe(201);
    expect(cuboidWithDepth(face, 110, 140).side?.x).toBe(99);
  });

  it("round-trips through wire vertices, with the docs' descriptions and edges", () => {
    const m = cuboidWithDepth(face, 40, 140);
    const v = cuboidVertices(m);
    expect(v.map((x) => x.description)).toEqual(["face-topleft", "face-bottomleft", "face-topright", "face-bottomright", "side-topcorner", "side-bottomcorner"]);
    expect(cuboidModel(v)).toEqual(m);
    const edges = cuboidEdges(m);
    expect(edges.map((e) => e.description)).toEqual(["face-top", "face-right", "face-bottom", "face-left", "side-top", "side-bottom", "side-vertical"]);
    // A left side hangs off the face's left corners.
    expect(edges[4]).toMatchObject({ x1: 100, y1: 100, x2: 40 });
    expect(validate(m)).toEqual([]);
  });

  it("keeps a valid cuboid while any vertex is dragged anywhere", () => {
    const start = cuboidWithDepth(face, 260, 120);
    for (const d of ["face-topleft", "face-bottomleft", "face-topright", "face-bottomright", "side-topcorner", "side-bottomcorner"] as const) {
      for (const [x, y] of [[0, 0], [150, 140], [400, 400], [205, 90]]) {
        const m = dragCuboidVertex(start, d, x, y, { width: 10, height: 10 });
        expect(validate(m), `${d} to ${x},${y}`).toEqual([]);
        expect(m.right - m.left).toBeGreaterThanOrEqual(10);
        expect(m.bottom - m.top).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it("moves the side with the face edge it hangs on", () => {
    const m = dragCuboidVertex(cuboidWithDepth(face, 260, 140), "face-topright", 220, 90, { width: 0, height: 0 });
    expect(m.right).toBe(220);
    expect(m.side?.x).toBe(280);
    expect(m.side?.top).toBe(90);
  });

  it("translates every part", () => {
    const m = translateCuboid(cuboidWithDepth(face, 260, 140), 5, -5);
    expect(m).toEqual({ left: 105, top: 95, right: 205, bottom: 175, side: { x: 265, top: 95, bottom: 175 } });
  });

  it("reads a face-only cuboid", () => {
    const m = cuboidModel(cuboidVertices({ ...face, side: null }));
    expect(m.side).toBeNull();
    expect(cuboidEdges(m)).toHaveLength(4);
  });
});
