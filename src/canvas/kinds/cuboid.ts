import { CuboidAnnotation, LayerCuboid } from "../../schema";
import {
  boundsOfFlat,
  cuboidEdgesFromPoints2d,
  cuboidEdgesFromVertices,
  cuboidFaceRing,
  edgePart,
  flattenVertices,
  hitPolygon,
  nearPolyline,
  projectPoints,
  type CuboidSegment,
  type Intrinsics,
} from "../../geometry";
import { LAYER_ALPHA, LAYER_DASH_PX, POLYGON_FILL_ALPHA, STROKE_PX } from "../style";
import type { CuboidObject } from "../scene/types";
import { applySourceStyle, groupByLabel, tracePath, type KindDefinition, type OverlayShape } from "./types";

interface WireCuboid {
  label?: string;
  vertices: CuboidAnnotation["vertices"];
  edges?: CuboidAnnotation["edges"];
  points_2d?: CuboidAnnotation["points_2d"];
  points_3d?: CuboidAnnotation["points_3d"];
  attributes?: CuboidAnnotation["attributes"];
}

/** The docs' corner number of each described face vertex (0 1 front top, 4 5 front bottom). */
const FACE_CORNER: Record<string, number> = { "face-topleft": 0, "face-topright": 1, "face-bottomleft": 4, "face-bottomright": 5 };

/**
 * `points_3d` projected through the camera, when the response has no `points_2d`. The 3D frame's
 * conventions aren't pinned down by the docs, so the projection is used only when it lands on the
 * described face vertices (within 5% of the face's size); otherwise the cuboid is drawn from its
 * vertices and the 3D points are only described.
 */
function projectedCorners(a: WireCuboid, camera: Intrinsics | null | undefined): { x: number; y: number }[] | null {
  if (!camera || !a.points_3d || a.points_3d.length !== 8) return null;
  const projected = projectPoints(a.points_3d, camera);
  if (!projected) return null;
  const face = a.vertices.filter((v) => v.description in FACE_CORNER);
  if (face.length < 2) return null;
  const xs = face.map((v) => v.x);
  const ys = face.map((v) => v.y);
  const tolerance = Math.max(4, 0.05 * Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)));
  const agrees = face.every((v) => {
    const p = projected[FACE_CORNER[v.description]];
    return Math.hypot(p.x - v.x, p.y - v.y) <= tolerance;
  });
  return agrees ? projected : null;
}

function make(id: string, source: CuboidObject["source"], a: WireCuboid, camera?: Intrinsics | null): CuboidObject {
  const given = a.points_2d && a.points_2d.length === 8 ? a.points_2d : null;
  const points2d = given ?? projectedCorners(a, camera);
  const corners = points2d ? flattenVertices(points2d) : null;
  let edges: CuboidSegment[];
  if (points2d) edges = cuboidEdgesFromPoints2d(points2d);
  else if (a.edges && a.edges.length > 0) edges = a.edges.map((e) => ({ ...e, part: edgePart(e.description) }));
  // Layers carry only the described vertices; the edges follow from them.
  else edges = cuboidEdgesFromVertices(a.vertices);
  const all = flattenVertices(a.vertices);
  if (corners) all.push(...corners);
  for (const e of edges) all.push(e.x1, e.y1, e.x2, e.y2);
  return {
    id,
    kind: "cuboid",
    source,
    label: a.label ?? "",
    attributes: a.attributes ?? {},
    bounds: boundsOfFlat(all),
    vertices: a.vertices.map((v) => ({ x: v.x, y: v.y, description: v.description })),
    edges,
    face: cuboidFaceRing(a.vertices),
    corners,
    cornersFrom: given ? "points_2d" : points2d ? "points_3d" : null,
    points3d: a.points_3d && a.points_3d.length === 8 ? a.points_3d.map(({ x, y, z }) => ({ x, y, z })) : null,
  };
}

function strokeEdges(ctx: CanvasRenderingContext2D, edges: ReadonlyArray<CuboidSegment>, part: CuboidSegment["part"]): void {
  for (const e of edges) {
    if (e.part !== part) continue;
    ctx.moveTo(e.x1, e.y1);
    ctx.lineTo(e.x2, e.y2);
  }
}

export const cuboidKind: KindDefinition<"cuboid"> = {
  kind: "cuboid",
  title: "Cuboids",
  responseTaskType: "cuboidannotation",
  layerKey: "cuboids",
  fromResponse(raw, ctx) {
    const parsed = CuboidAnnotation.safeParse(raw);
    return parsed.success ? make(ctx.id, "response", parsed.data, ctx.camera) : null;
  },
  fromLayer(raw, ctx) {
    const parsed = LayerCuboid.safeParse(raw);
    return parsed.success ? make(ctx.id, "layer", parsed.data) : null;
  },

  drawBatch(ctx, objects, style) {
    const lw = STROKE_PX / style.scale;
    ctx.save();
    applySourceStyle(ctx, style, LAYER_DASH_PX, LAYER_ALPHA);
    const baseAlpha = ctx.globalAlpha;
    for (const [label, group] of groupByLabel(objects)) {
      const color = style.colorOf(label);
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      // The face is filled and stroked heavily, the side thinner and fainter, so the two read apart.
      ctx.beginPath();
      for (const o of group) tracePath(ctx, o.face, true);
      if (style.source === "response" && !style.halo) {
        ctx.globalAlpha = baseAlpha * POLYGON_FILL_ALPHA;
        ctx.fill();
        ctx.globalAlpha = baseAlpha;
      }
      ctx.beginPath();
      for (const o of group) strokeEdges(ctx, o.edges, "face");
      ctx.lineWidth = lw;
      ctx.stroke();
      ctx.beginPath();
      for (const o of group) strokeEdges(ctx, o.edges, "side");
      ctx.lineWidth = lw * 0.6;
      ctx.globalAlpha = baseAlpha * 0.7;
      ctx.stroke();
      ctx.globalAlpha = baseAlpha;
    }
    ctx.restore();
  },

  labelAnchor: (o) => ({ x: o.face[0] ?? o.bounds.minX, y: o.face[1] ?? o.bounds.minY }),
  hitTest(o, x, y, tolerance) {
    if (o.face.length >= 6 && hitPolygon(o.face, x, y, tolerance)) return true;
    return o.edges.some((e) => nearPolyline([e.x1, e.y1, e.x2, e.y2], x, y, tolerance));
  },
  overlay(o) {
    const shapes: OverlayShape[] = [];
    if (o.face.length >= 6) shapes.push({ type: "path", points: o.face, closed: true });
    for (const e of o.edges) {
      shapes.push({ type: "path", points: [e.x1, e.y1, e.x2, e.y2], closed: false, dashed: e.part === "side" });
    }
    for (const v of o.vertices) shapes.push({ type: "dot", x: v.x, y: v.y, text: v.description });
    // The hidden corners (not among the described vertices) by their number in the docs' order.
    const c = o.corners;
    if (c) {
      for (let i = 0; i < 8; i++) {
        const near = o.vertices.some((v) => Math.hypot(v.x - c[2 * i], v.y - c[2 * i + 1]) < 3);
        if (!near) shapes.push({ type: "dot", x: c[2 * i], y: c[2 * i + 1], text: `corner ${i}` });
      }
    }
    return shapes;
  },
  summary: (o) => {
    const base = `${o.vertices.length} vertices, ${o.edges.length} edges`;
    if (o.cornersFrom === "points_2d") return `${base}, 8 corners (points_2d)`;
    if (o.cornersFrom === "points_3d") return `${base}, 8 corners projected from points_3d`;
    if (o.points3d) {
      const depths = o.points3d.map((p) => p.z);
      const fmt = (v: number) => String(Math.round(v * 100) / 100);
      return `${base}; 3D points only (depth ${fmt(Math.min(...depths))}–${fmt(Math.max(...depths))}), drawn from the vertices`;
    }
    return base;
  },
};
