import { LayerLine, LineAnnotation } from "../../schema";
import { boundsOfFlat, flattenVertices, nearPolyline, sampleCardinalSpline } from "../../geometry";
import { LAYER_ALPHA, LAYER_DASH_PX, STROKE_PX } from "../style";
import type { LineObject } from "../scene/types";
import { applySourceStyle, groupByLabel, tracePath, type KindDefinition } from "./types";

function make(id: string, source: LineObject["source"], a: LineAnnotation, spline: boolean): LineObject {
  const points = flattenVertices(a.vertices);
  // Sampled once here, so drawing and hit testing a spline cost the same as a polyline.
  const path = spline ? sampleCardinalSpline(points) : points;
  return { id, kind: "line", source, label: a.label ?? "", attributes: a.attributes ?? {}, bounds: boundsOfFlat(path), points, path, spline };
}

export const lineKind: KindDefinition<"line"> = {
  kind: "line",
  title: "Lines",
  responseTaskType: "lineannotation",
  layerKey: "lines",
  fromResponse(raw, ctx) {
    const parsed = LineAnnotation.safeParse(raw);
    return parsed.success ? make(ctx.id, "response", parsed.data, ctx.splines) : null;
  },
  fromLayer(raw, ctx) {
    const parsed = LayerLine.safeParse(raw);
    return parsed.success ? make(ctx.id, "layer", parsed.data, parsed.data.spline ?? false) : null;
  },

  drawBatch(ctx, objects, style) {
    ctx.save();
    applySourceStyle(ctx, style, LAYER_DASH_PX, LAYER_ALPHA);
    ctx.lineWidth = STROKE_PX / style.scale;
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    for (const [label, group] of groupByLabel(objects)) {
      ctx.strokeStyle = style.colorOf(label);
      ctx.beginPath();
      for (const o of group) tracePath(ctx, o.path, false);
      ctx.stroke();
    }
    ctx.restore();
  },

  labelAnchor: (o) => ({ x: o.points[0] ?? 0, y: o.points[1] ?? 0 }),
  hitTest: (o, x, y, tolerance) => nearPolyline(o.path, x, y, tolerance),
  overlay: (o) => [
    { type: "path", points: o.path, closed: false },
    ...vertexDots(o.points),
  ],
  summary: (o) => `${o.points.length / 2} vertices${o.spline ? ", spline" : ""}`,
};

export function vertexDots(points: number[]): { type: "dot"; x: number; y: number }[] {
  const out: { type: "dot"; x: number; y: number }[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) out.push({ type: "dot", x: points[i], y: points[i + 1] });
  return out;
}
