import type { CuboidEdge, CuboidVertex, CuboidVertexDescription } from "../schema";
import { CUBOID_EDGE_ENDS } from "./cuboidRules";

// Editing a docs cuboid. A drawn cuboid is a front face (an axis-aligned rectangle, as the docs'
// example has it) plus, when a side shows, the far vertical edge of that side: two corners on one
// vertical line, beyond the face's left or right edge. Every edit keeps that shape, so the result
// stays a cuboid's projection and the validator's edge rules hold (edges are always derived).

export interface CuboidSide {
  x: number;
  top: number;
  bottom: number;
}

export interface CuboidModel {
  left: number;
  top: number;
  right: number;
  bottom: number;
  side: CuboidSide | null;
}

/** How far (px) the side edge stays outside the face, so the side never collapses into it. */
const SIDE_GAP = 1;

/** The model from the wire vertices; missing face vertices fall back on the ones present. */
export function cuboidModel(vertices: ReadonlyArray<{ x: number; y: number; description: string }>): CuboidModel {
  const by = new Map(vertices.map((v) => [v.description, v]));
  const face = ["face-topleft", "face-topright", "face-bottomleft", "face-bottomright"].map((d) => by.get(d)).filter((v) => v !== undefined);
  const xs = face.map((v) => v.x);
  const ys = face.map((v) => v.y);
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  const st = by.get("side-topcorner");
  const sb = by.get("side-bottomcorner");
  const side = st && sb ? { x: (st.x + sb.x) / 2, top: Math.min(st.y, sb.y), bottom: Math.max(st.y, sb.y) } : null;
  return { left, top, right, bottom, side };
}

/** The visible vertices in the docs' order, with their descriptions. */
export function cuboidVertices(m: CuboidModel): CuboidVertex[] {
  const v = (x: number, y: number, description: CuboidVertexDescription): CuboidVertex => ({ x, y, type: "vertex", description });
  const out = [v(m.left, m.top, "face-topleft"), v(m.left, m.bottom, "face-bottomleft"), v(m.right, m.top, "face-topright"), v(m.right, m.bottom, "face-bottomright")];
  if (m.side) out.push(v(m.side.x, m.side.top, "side-topcorner"), v(m.side.x, m.side.bottom, "side-bottomcorner"));
  return out;
}

/** The edges joining those vertices, as CUBOID_EDGE_ENDS (the validator's table) names them. */
export function cuboidEdges(m: CuboidModel): CuboidEdge[] {
  const verts = new Map(cuboidVertices(m).map((v) => [v.description, v]));
  const rightSide = m.side !== null && m.side.x >= m.right;
  const out: CuboidEdge[] = [];
  for (const [description, [from, to]] of Object.entries(CUBOID_EDGE_ENDS) as [CuboidEdge["description"], (typeof CUBOID_EDGE_ENDS)[keyof typeof CUBOID_EDGE_ENDS]][]) {
    // Side edges leave the face from the corner on the side's side.
    const a = verts.get(from.length > 1 ? (from.find((d) => d.endsWith(rightSide ? "right" : "left")) ?? from[0]) : from[0]);
    const b = verts.get(to[0]);
    if (a && b) out.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, type: "edge", description });
  }
  return out;
}

/** Keeps the side beyond the face and its corners in order. */
function constrainSide(m: CuboidModel, side: CuboidSide, preferRight: boolean): CuboidSide {
  let x = side.x;
  if (x > m.left - SIDE_GAP && x < m.right + SIDE_GAP) x = preferRight ? m.right + SIDE_GAP : m.left - SIDE_GAP;
  const top = Math.min(side.top, side.bottom - 1);
  return { x, top, bottom: Math.max(side.bottom, top + 1) };
}

/**
 * Drags one described vertex to (x, y). Face corners move their two face edges (never below the
 * minimum size, at least 1 px); side corners move the side edge sideways and their own end up or
 * down. The side follows the face when the face edge it leaves from moves.
 */
export function dragCuboidVertex(
  m: CuboidModel,
  description: CuboidVertexDescription,
  x: number,
  y: number,
  min: { width: number; height: number },
): CuboidModel {
  const minW = Math.max(1, min.width);
  const minH = Math.max(1, min.height);
  const next: CuboidModel = { ...m };
  if (description.startsWith("face")) {
    if (description.endsWith("left")) next.left = Math.min(x, m.right - minW);
    else next.right = Math.max(x, m.left + minW);
    if (description.includes("top")) next.top = Math.min(y, m.bottom - minH);
    else next.bottom = Math.max(y, m.top + minH);
    if (m.side) {
      const rightSide = m.side.x >= m.right;
      // The side edge keeps its offset from the face edge it hangs on.
      const dx = rightSide ? next.right - m.right : next.left - m.left;
      next.side = constrainSide(next, { x: m.side.x + dx, top: m.side.top + (next.top - m.top), bottom: m.side.bottom + (next.bottom - m.bottom) }, rightSide);
    }
    return next;
  }
  const side = m.side ?? { x, top: m.top, bottom: m.bottom };
  const moved = description === "side-topcorner" ? { x, top: y, bottom: side.bottom } : { x, top: side.top, bottom: y };
  next.side = constrainSide(next, moved, x >= (m.left + m.right) / 2);
  return next;
}

/**
 * The second step of drawing: the face is fixed and the pointer at (x, y) sets the side. The
 * side edge goes where the pointer is, as tall as the face and shifted up or down with it (the
 * nearer edge of the face follows the pointer's height, so depth reads as perspective).
 */
export function cuboidWithDepth(face: Omit<CuboidModel, "side">, x: number, y: number): CuboidModel {
  const m: CuboidModel = { ...face, side: null };
  const rightSide = x >= (face.left + face.right) / 2;
  const dy = y - (face.top + face.bottom) / 2;
  m.side = constrainSide(m, { x, top: face.top + dy, bottom: face.bottom + dy }, rightSide);
  return m;
}

export function translateCuboid(m: CuboidModel, dx: number, dy: number): CuboidModel {
  return {
    left: m.left + dx,
    right: m.right + dx,
    top: m.top + dy,
    bottom: m.bottom + dy,
    side: m.side ? { x: m.side.x + dx, top: m.side.top + dy, bottom: m.side.bottom + dy } : null,
  };
}
