import { PolygonAnnotation } from "../../schema";
import { boundsOfFlat, flattenVertices, hitPolygon, polygonArea, polygonCentroid } from "../../geometry";
import { LAYER_ALPHA, LAYER_DASH_PX, POLYGON_FILL_ALPHA, STROKE_PX } from "../style";
import type { PolygonObject } from "../scene/types";
import { vertexDots } from "./line";
import { applySourceStyle, groupByLabel, tracePath, type KindDefinition, type WireContext } from "./types";

function fromWire(raw: unknown, ctx: WireContext, source: PolygonObject["source"]): PolygonObject | null {
  const parsed = PolygonAnnotation.safeParse(raw);
  if (!parsed.success) return null;
  const a = parsed.data;
  const points = flattenVertices(a.vertices);
  return { id: ctx.id, kind: "polygon", source, label: a.label ?? "", attributes: a.attributes ?? {}, bounds: boundsOfFlat(points), points };
}

/** Polygons per path: one path per label is cheapest to issue, but very long paths rasterise slowly. */
const PATH_CHUNK = 250;

export const polygonKind: KindDefinition<"polygon"> = {
  kind: "polygon",
  title: "Polygons",
  responseTaskType: "polygonannotation",
  layerKey: "polygons",
  fromResponse: (raw, ctx) => fromWire(raw, ctx, "response"),
  fromLayer: (raw, ctx) => fromWire(raw, ctx, "layer"),

  drawBatch(ctx, objects, style) {
    ctx.save();
    applySourceStyle(ctx, style, LAYER_DASH_PX, LAYER_ALPHA);
    ctx.lineWidth = STROKE_PX / style.scale;
    ctx.lineJoin = "round";
    const fill = style.source === "response" && !style.halo;
    const baseAlpha = ctx.globalAlpha;
    for (const [label, group] of groupByLabel(objects)) {
      const color = style.colorOf(label);
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      for (let start = 0; start < group.length; start += PATH_CHUNK) {
        ctx.beginPath();
        const end = Math.min(group.length, start + PATH_CHUNK);
        for (let i = start; i < end; i++) tracePath(ctx, group[i].points, true);
        if (fill) {
          ctx.globalAlpha = baseAlpha * POLYGON_FILL_ALPHA;
          ctx.fill("evenodd");
          ctx.globalAlpha = baseAlpha;
        }
        ctx.stroke();
      }
    }
    ctx.restore();
  },

  labelAnchor: (o) => polygonCentroid(o.points),
  hitTest: (o, x, y, tolerance) => hitPolygon(o.points, x, y, tolerance),
  overlay: (o) => [{ type: "path", points: o.points, closed: true }, ...vertexDots(o.points)],
  summary: (o) => `${o.points.length / 2} vertices, area ${Math.round(polygonArea(o.points))} px²`,
};
