import { LineAnnotation, PolygonAnnotation } from "../../schema";
import { canAddVertex, deleteVertex, edgeMidpoints, flattenVertices, insertVertex, moveVertex, toVertices, translatePoints } from "../../geometry";
import type { EditLimits, Handle, HandleAt, KindEditing } from "../edit/types";
import { roundPx, withAttributes, withLabel } from "./edit-common";

// Lines and polygons edit the same way: vertex handles, edge-midpoint handles that insert a
// vertex, delete down to min_vertices. Polygons close the ring (one more edge, one more midpoint).

type Polyline = { vertices: { x: number; y: number }[]; label?: string; attributes?: Record<string, string | number> };

function withPoints<T extends Polyline>(a: T, points: readonly number[]): T {
  return { ...a, vertices: toVertices(points.map(roundPx)) };
}

function polylineEditing<K extends "line" | "polygon">(kind: K, closed: boolean, parse: (raw: unknown) => Polyline | null) {
  return {
    kind,
    toolId: kind,
    parse,
    handles(a: Polyline, limits: EditLimits): HandleAt[] {
      const points = flattenVertices(a.vertices);
      const out: HandleAt[] = a.vertices.map((v, index) => ({ handle: { type: "vertex", index }, x: v.x, y: v.y }));
      if (canAddVertex(a.vertices.length, limits.maxVertices)) {
        for (const m of edgeMidpoints(points, closed)) out.push({ handle: { type: "midpoint", index: m.index }, x: m.x, y: m.y });
      }
      return out;
    },
    dragHandle<T extends Polyline>(start: T, handle: Handle, x: number, y: number): T {
      const points = flattenVertices(start.vertices);
      if (handle.type === "vertex") return withPoints(start, moveVertex(points, handle.index, x, y));
      if (handle.type === "midpoint") return withPoints(start, insertVertex(points, handle.index, x, y));
      return start;
    },
    translate: <T extends Polyline>(a: T, dx: number, dy: number): T => withPoints(a, translatePoints(flattenVertices(a.vertices), dx, dy)),
    deleteVertex<T extends Polyline>(a: T, index: number, limits: EditLimits): T | null {
      const next = deleteVertex(flattenVertices(a.vertices), index, limits.minVertices);
      return next ? withPoints(a, next) : null;
    },
    withLabel,
    withAttributes,
  };
}

export const lineEditing: KindEditing<"line"> = polylineEditing("line", false, (raw) => {
  const r = LineAnnotation.safeParse(raw);
  return r.success ? r.data : null;
}) as KindEditing<"line">;

export const polygonEditing: KindEditing<"polygon"> = polylineEditing("polygon", true, (raw) => {
  const r = PolygonAnnotation.safeParse(raw);
  return r.success ? r.data : null;
}) as KindEditing<"polygon">;
