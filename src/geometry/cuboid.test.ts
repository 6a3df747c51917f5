import { describe, expect, it } from "vitest";
import {
  cuboidEdgesFromPoints2d,
  cuboidEdgesFromVertices,
  cuboidFaceRing,
  describeCuboidCorners,
} from "./cuboid";

// The docs' response example.
const docsVertices = [
  { description: "face-topleft", y: 270, x: 293 },
  { description: "face-bottomleft", y: 437, x: 293 },
  { description: "face-topright", y: 270, x: 471 },
  { description: "face-bottomright", y: 437, x: 471 },
  { description: "side-topcorner", y: 286, x: 607 },
  { description: "side-bottomcorner", y: 373, x: 607 },
];
const docsEdges = [
  { description: "face-top", x1: 293, y1: 270, x2: 471, y2: 270 },
  { description: "face-right", x1: 471, y1: 270, x2: 471, y2: 437 },
  { description: "face-bottom", x1: 471, y1: 437, x2: 293, y2: 437 },
  { description: "face-left", x1: 293, y1: 437, x2: 293, y2: 270 },
  { description: "side-top", x1: 471, y1: 270, x2: 607, y2: 286 },
  { description: "side-bottom", x1: 471, y1: 437, x2: 607, y2: 373 },
];

describe("cuboid", () => {
  it("derives exactly the docs' edges from the docs' vertices", () => {
    const edges = cuboidEdgesFromVertices(docsVertices);
    expect(edges.map(({ part: _part, ...e }) => e)).toEqual(docsEdges);
    expect(edges.map((e) => e.part)).toEqual(["face", "face", "face", "face", "side", "side"]);
  });

  it("attaches the side to the left face corners when the side is on the left", () => {
    const mirrored = docsVertices.map((v) => ({ ...v, x: 1000 - v.x }));
    const side = cuboidEdgesFromVertices(mirrored).filter((e) => e.part === "side");
    // face-topleft of the mirrored cuboid is at x = 707, the side corner at x = 393.
    expect(side[0]).toMatchObject({ x1: 707, y1: 270, x2: 393, y2: 286 });
  });

  it("skips edges whose vertices are missing", () => {
    expect(cuboidEdgesFromVertices(docsVertices.slice(0, 4)).length).toBe(4);
  });

  // A box whose back face is up and to the right of its front face.
  const corners = [
    { x: 0, y: 10 }, { x: 10, y: 10 }, { x: 14, y: 6 }, { x: 4, y: 6 },
    { x: 0, y: 20 }, { x: 10, y: 20 }, { x: 14, y: 16 }, { x: 4, y: 16 },
  ];

  it("draws the 12 edges of the 8 corners, front face as face", () => {
    const edges = cuboidEdgesFromPoints2d(corners);
    expect(edges.length).toBe(12);
    expect(edges.filter((e) => e.part === "face").map((e) => e.description)).toEqual(["0-1", "1-5", "5-4", "4-0"]);
    expect(cuboidEdgesFromPoints2d(corners.slice(0, 7))).toEqual([]);
  });

  it("describes the visible vertices of the 8 corners in the docs' order", () => {
    const d = describeCuboidCorners(corners);
    expect(d.map((v) => [v.description, v.x, v.y])).toEqual([
      ["face-topleft", 0, 10],
      ["face-bottomleft", 0, 20],
      ["face-topright", 10, 10],
      ["face-bottomright", 10, 20],
      ["side-topcorner", 14, 6],
      ["side-bottomcorner", 14, 16],
    ]);
    const leftward = corners.map((p, i) => (i === 2 || i === 3 || i === 6 || i === 7 ? { x: p.x - 8, y: p.y } : p));
    expect(describeCuboidCorners(leftward)[4]).toMatchObject({ description: "side-topcorner", x: -4 });
  });

  it("gives the face ring clockwise from top-left", () => {
    expect(cuboidFaceRing(docsVertices)).toEqual([293, 270, 471, 270, 471, 437, 293, 437]);
  });
});
