import type { CuboidEdgeDescription, CuboidVertexDescription } from "../schema";

// Which visible vertices each edge of a docs cuboid joins. The side edges leave the face from
// its right corners when the side shows on the right, from its left corners otherwise. Both the
// test-mode generator, the response validator and the canvas cuboid editor read this one table.

export const CUBOID_EDGE_ENDS: Record<CuboidEdgeDescription, readonly [readonly CuboidVertexDescription[], readonly CuboidVertexDescription[]]> = {
  "face-top": [["face-topleft"], ["face-topright"]],
  "face-right": [["face-topright"], ["face-bottomright"]],
  "face-bottom": [["face-bottomright"], ["face-bottomleft"]],
  "face-left": [["face-bottomleft"], ["face-topleft"]],
  "side-top": [["face-topright", "face-topleft"], ["side-topcorner"]],
  "side-bottom": [["face-bottomright", "face-bottomleft"], ["side-bottomcorner"]],
  "side-vertical": [["side-topcorner"], ["side-bottomcorner"]],
};

export const FACE_VERTICES: readonly CuboidVertexDescription[] = ["face-topleft", "face-bottomleft", "face-topright", "face-bottomright"];
