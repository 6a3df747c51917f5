import { BoxAnnotation } from "../../schema";
import { boxToRect, hitBox, innerStrokeRect, normalizeBox } from "../../geometry";
import { LAYER_ALPHA, LAYER_DASH_PX, STROKE_PX } from "../style";
import type { BoxObject } from "../scene/types";
import { applySourceStyle, groupByLabel, type KindDefinition, type WireContext } from "./types";

function fromWire(raw: unknown, ctx: WireContext, source: BoxObject["source"]): BoxObject | null {
  const parsed = BoxAnnotation.safeParse(raw);
  if (!parsed.success) return null;
  const a = parsed.data;
  const box = normalizeBox(a);
  return { id: ctx.id, kind: "box", source, label: a.label ?? "", attributes: a.attributes ?? {}, bounds: boxToRect(box), box };
}

export const boxKind: KindDefinition<"box"> = {
  kind: "box",
  title: "Boxes",
  responseTaskType: "annotation",
  layerKey: "boxes",
  fromResponse: (raw, ctx) => fromWire(raw, ctx, "response"),
  fromLayer: (raw, ctx) => fromWire(raw, ctx, "layer"),

  drawBatch(ctx, objects, style) {
    const lw = STROKE_PX / style.scale;
    ctx.save();
    applySourceStyle(ctx, style, LAYER_DASH_PX, LAYER_ALPHA);
    ctx.lineWidth = lw;
    for (const [label, group] of groupByLabel(objects)) {
      const color = style.colorOf(label);
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      for (const o of group) {
        // The docs draw the border inside the box; strokeRect per box is far cheaper than one
        // huge path in software rendering.
        const r = innerStrokeRect(o.box, lw);
        if (r) ctx.strokeRect(r.left, r.top, r.width, r.height);
        else ctx.fillRect(o.box.left, o.box.top, o.box.width, o.box.height);
      }
    }
    ctx.restore();
  },

  labelAnchor: (o) => ({ x: o.box.left, y: o.box.top }),
  hitTest: (o, x, y, tolerance) => hitBox(o.bounds, x, y, tolerance),
  overlay: (o) => [{ type: "rect", x: o.box.left, y: o.box.top, width: o.box.width, height: o.box.height }],
  summary: (o) => `${Math.round(o.box.width)}×${Math.round(o.box.height)} at ${Math.round(o.box.left)}, ${Math.round(o.box.top)}`,
};
