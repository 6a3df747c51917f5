/**
 * Cuboid geometry from the docs. A response cuboid lists its visible vertices by description
 * (face-topleft ... side-bottomcorner) and its edges (face-top ... side-bottom); with camera
 * parameters it also has `points_2d`, all 8 corners in the docs' order:
 *
 *        3-------2
 *       /|      /|
 *      / |     / |
 *     0-------1  |
 *     |  7----|--6
 *     | /     | /
 *     4-------5
 */
import type { CuboidVertexDescription } from "../schema";

/** Whether an edge belongs to the front face or to the side/back, which are drawn differently. */
export type CuboidEdgePart = "face" | "side";

/** An edge ready to draw, told apart as face or side. */
export interface CuboidSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  description: string;
  part: CuboidEdgePart;
}

export interface DescribedVertex {
  x: number;
  y: number;
  description: string;
}

export function edgePart(description: string): CuboidEdgePart {
  return description.startsWith("face") ? "face" : "side";
}

/**
 * The edges implied by the visible vertices, for cuboids that come without `edges` (layers do).
 * The side edges leave the face from whichever face corner is nearer to the side corners.
 */
export function cuboidEdgesFromVertices(vertices: ReadonlyArray<DescribedVertex>): CuboidSegment[] {
  const by = new Map<string, DescribedVertex>();
  for (const v of vertices) by.set(v.description, v);
  const tl = by.get("face-topleft");
  const tr = by.get("face-topright");
  const bl = by.get("face-bottomleft");
  const br = by.get("face-bottomright");
  const st = by.get("side-topcorner");
  const sb = by.get("side-bottomcorner");
  const edges: CuboidSegment[] = [];
  const add = (a: DescribedVertex | undefined, b: DescribedVertex | undefined, description: string) => {
    if (a && b) edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, description, part: edgePart(description) });
  };
  add(tl, tr, "face-top");
  add(tr, br, "face-right");
  add(br, bl, "face-bottom");
  add(bl, tl, "face-left");
  if (st || sb) {
    const faceCentreX = [tl, tr, bl, br].filter((v) => v !== undefined).reduce((s, v, _, a) => s + v.x / a.length, 0);
    const sideX = (st ?? sb)?.x ?? faceCentreX;
    const rightSide = sideX >= faceCentreX;
    add(rightSide ? tr : tl, st, "side-top");
    add(rightSide ? br : bl, sb, "side-bottom");
  }
  return edges;
}

/** The 12 edges of the 8-corner box as index pairs, front face (0,1,5,4) first. */
export const CUBOID_8_EDGES: ReadonlyArray<readonly [number, number, CuboidEdgePart]> = [
  [0, 1, "face"],
  [1, 5, "face"],
  [5, 4, "face"],
  [4, 0, "face"],
  [3, 2, "side"],
  [2, 6, "side"],
  [6, 7, "side"],
  [7, 3, "side"],
  [0, 3, "side"],
  [1, 2, "side"],
  [5, 6, "side"],
  [4, 7, "side"],
];

export function cuboidEdgesFromPoints2d(points: ReadonlyArray<{ x: number; y: number }>): CuboidSegment[] {
  if (points.length < 8) return [];
  return CUBOID_8_EDGES.map(([a, b, part]) => ({
    x1: points[a].x,
    y1: points[a].y,
    x2: points[b].x,
    y2: points[b].y,
    description: `${a}-${b}`,
    part,
  }));
}

/**
 * The six visible vertices, described, from the 8 corners: the front face is 0,1,5,4, and the
 * side that shows is the one the back face is shifted towards (right: 2,6; left: 3,7).
 */
export function describeCuboidCorners(points: ReadonlyArray<{ x: number; y: number }>): DescribedVertex[] {
  if (points.length < 8) return [];
  const frontX = (points[0].x + points[1].x + points[4].x + points[5].x) / 4;
  const backX = (points[2].x + points[3].x + points[6].x + points[7].x) / 4;
  const [top, bottom] = backX >= frontX ? [2, 6] : [3, 7];
  const v = (i: number, description: CuboidVertexDescription): DescribedVertex => ({
    x: points[i].x,
    y: points[i].y,
    description,
  });
  return [
    v(0, "face-topleft"),
    v(4, "face-bottomleft"),
    v(1, "face-topright"),
    v(5, "face-bottomright"),
    v(top, "side-topcorner"),
    v(bottom, "side-bottomcorner"),
  ];
}

/** The front face as a flat ring (tl, tr, br, bl), for filling and hit testing. */
export function cuboidFaceRing(vertices: ReadonlyArray<DescribedVertex>): number[] {
  const by = new Map<string, DescribedVertex>();
  for (const v of vertices) by.set(v.description, v);
  const ring: number[] = [];
  for (const d of ["face-topleft", "face-topright", "face-bottomright", "face-bottomleft"]) {
    const v = by.get(d);
    if (v) ring.push(v.x, v.y);
  }
  return ring;
}
