import { CuboidAnnotation } from "../../schema";
import { cuboidEdges, cuboidModel, cuboidVertices, dragCuboidVertex, translateCuboid, type CuboidModel } from "../../geometry";
import type { KindEditing } from "../edit/types";
import { roundPx, withAttributes, withLabel } from "./edit-common";

function round(m: CuboidModel): CuboidModel {
  return {
    left: roundPx(m.left),
    top: roundPx(m.top),
    right: roundPx(m.right),
    bottom: roundPx(m.bottom),
    side: m.side ? { x: roundPx(m.side.x), top: roundPx(m.side.top), bottom: roundPx(m.side.bottom) } : null,
  };
}

/** The wire cuboid for a model: described vertices and the edges joining them, derived together. */
export function cuboidFromModel<T extends CuboidAnnotation>(base: T, m: CuboidModel): T {
  const r = round(m);
  // points_2d/points_3d are not produced by the editor (see src/canvas/edit/README.md), and a
  // stale pair would contradict the new vertices, so an edit drops them.
  const { points_2d: _p2, points_3d: _p3, ...rest } = base;
  return { ...rest, vertices: cuboidVertices(r), edges: cuboidEdges(r) } as T;
}

export const cuboidEditing: KindEditing<"cuboid"> = {
  kind: "cuboid",
  toolId: "cuboid",
  parse: (raw) => {
    const r = CuboidAnnotation.safeParse(raw);
    return r.success ? r.data : null;
  },
  handles: (a) => a.vertices.map((v, index) => ({ handle: { type: "vertex", index }, x: v.x, y: v.y })),
  dragHandle(start, handle, x, y, limits) {
    if (handle.type !== "vertex") return start;
    const v = start.vertices[handle.index];
    if (!v) return start;
    return cuboidFromModel(start, dragCuboidVertex(cuboidModel(start.vertices), v.description, x, y, { width: limits.minWidth, height: limits.minHeight }));
  },
  translate: (a, dx, dy) => cuboidFromModel(a, translateCuboid(cuboidModel(a.vertices), dx, dy)),
  // A cuboid's vertices are its corners; removing one would no longer describe a cuboid.
  deleteVertex: () => null,
  withLabel,
  withAttributes,
};
