import { PointAnnotation } from "../../schema";
import { nearPoint } from "../../geometry";
import { POINT_RADIUS_PX } from "../style";
import type { PointObject } from "../scene/types";
import { groupByLabel, type KindDefinition } from "./types";

export const pointKind: KindDefinition<"point"> = {
  kind: "point",
  title: "Points",
  responseTaskType: "pointannotation",
  // The docs' layers hold boxes, lines, polygons and cuboids only.
  layerKey: null,
  fromResponse(raw, ctx): PointObject | null {
    const parsed = PointAnnotation.safeParse(raw);
    if (!parsed.success) return null;
    const a = parsed.data;
    return {
      id: ctx.id,
      kind: "point",
      source: "response",
      label: a.label ?? "",
      attributes: a.attributes ?? {},
      bounds: { minX: a.x, minY: a.y, maxX: a.x, maxY: a.y },
      x: a.x,
      y: a.y,
    };
  },
  fromLayer: () => null,

  drawBatch(ctx, objects, style) {
    const r = POINT_RADIUS_PX / style.scale;
    ctx.save();
    ctx.lineWidth = 1.5 / style.scale;
    ctx.strokeStyle = "#ffffff";
    for (const [label, group] of groupByLabel(objects)) {
      ctx.fillStyle = style.colorOf(label);
      ctx.beginPath();
      for (const o of group) {
        ctx.moveTo(o.x + r, o.y);
        ctx.arc(o.x, o.y, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.stroke();
    }
    ctx.restore();
  },

  labelAnchor: (o) => ({ x: o.x + 6, y: o.y - 6 }),
  // Points have no extent, so the tolerance is also their pick radius.
  hitTest: (o, x, y, tolerance) => nearPoint(o.x, o.y, x, y, tolerance * 1.5),
  overlay: (o) => [{ type: "dot", x: o.x, y: o.y }],
  summary: (o) => `${Math.round(o.x)}, ${Math.round(o.y)}`,
};
