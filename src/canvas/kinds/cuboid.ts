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
  type CuboidSegment,
} from "../../geometry";
import { LAYER_ALPHA, LAYER_DASH_PX, POLYGON_FILL_ALPHA, STROKE_PX } from "../style";
import type { CuboidObject } from "../scene/types";
import { applySourceStyle, groupByLabel, tracePath, type KindDefinition, type OverlayShape } from "./types";

interface WireCuboid {
  label?: string;
  vertices: CuboidAnnotation["vertices"];
  edges?: CuboidAnnotation["edges"];
  points_2d?: CuboidAnnotation["points_2d"];
  attributes?: CuboidAnnotation["attributes"];
}

function make(id: string, source: CuboidObject["source"], a: WireCuboid): CuboidObject {
  const corners = a.points_2d && a.points_2d.length === 8 ? flattenVertices(a.points_2d) : null;
  let edges: CuboidSegment[];
  if (a.points_2d && corners) edges = cuboidEdgesFromPoints2d(a.points_2d);
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
    return parsed.success ? make(ctx.id, "response", parsed.data) : null;
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
      if (style.source === "response") {
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
    return shapes;
  },
  summary: (o) => `${o.vertices.length} vertices, ${o.edges.length} edges${o.corners ? ", 8 corners" : ""}`,
};
