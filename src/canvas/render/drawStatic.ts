import { labelFits, visibleRect, type Size, type View } from "../../geometry";
import { placeTags } from "./labelPlacement";
import { kindOf } from "../kinds";
import type { DrawStyle } from "../kinds";
import { isShown, type CanvasState } from "../store";
import type { SceneIndex } from "../scene/sceneIndex";
import type { KindName, SceneObject } from "../scene/types";
import { HALO_COLOR, HALO_WIDTH, LABEL_FONT_PX, MAX_STATIC_LABELS, textColorOn, type LabelPalette } from "../style";

type DrawState = Pick<CanvasState, "hiddenLabels" | "hiddenKinds" | "hiddenSources" | "showLabels" | "view" | "viewport"> &
  Partial<Pick<CanvasState, "detachedIds">>;

/** Culled to the viewport through the kind's spatial index, then filtered by the legend. */
function shownInView(index: SceneIndex, kind: KindName, s: DrawState): SceneObject[] {
  if (s.hiddenKinds.has(kind)) return [];
  const rect = visibleRect(s.view, s.viewport);
  const detached = s.detachedIds;
  return index.visible(kind, rect).filter((o) => isShown(s, o) && !(detached && detached.size > 0 && detached.has(o.id)));
}

/** One kind's batch: layers first (under), then responses. The context is in image pixels. */
export function drawStaticKind(
  ctx: CanvasRenderingContext2D,
  index: SceneIndex,
  kind: KindName,
  s: DrawState,
  colors: LabelPalette,
): void {
  const objects = shownInView(index, kind, s);
  if (objects.length === 0) return;
  const def = kindOf(kind);
  const layer = objects.filter((o) => o.source === "layer");
  const response = layer.length === 0 ? objects : objects.filter((o) => o.source === "response");
  const base: Omit<DrawStyle, "source"> = { scale: s.view.scale, colorOf: colors.colorOf };
  if (layer.length > 0) def.drawBatch(ctx, layer, { ...base, source: "layer" });
  if (response.length === 0) return;
  // Points carry their own white rim; every other response kind gets a dark outline first.
  if (kind !== "point") def.drawBatch(ctx, response, { scale: s.view.scale / HALO_WIDTH, source: "response", colorOf: () => HALO_COLOR, halo: true });
  def.drawBatch(ctx, response, { ...base, source: "response" });
}

const textWidths = new Map<string, number>();

/**
 * Label tags in screen space (constant size at any zoom), only for objects big enough on screen
 * and at most MAX_STATIC_LABELS of them, placed so that no two overlap (responses first).
 */
export function drawStaticLabels(
  ctx: CanvasRenderingContext2D,
  index: SceneIndex,
  kinds: readonly KindName[],
  s: DrawState,
  pixelRatio: number,
  colors: LabelPalette,
): void {
  if (!s.showLabels) return;
  const items: { o: SceneObject; x: number; y: number }[] = [];
  for (const kind of kinds) {
    const def = kindOf(kind);
    for (const o of shownInView(index, kind, s)) {
      if (o.label === "" || (o.kind !== "point" && !labelFits(o.bounds, s.view.scale))) continue;
      const a = def.labelAnchor(o);
      items.push({ o, x: a.x * s.view.scale + s.view.x, y: a.y * s.view.scale + s.view.y });
      if (items.length > MAX_STATIC_LABELS) return;
    }
  }
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.setLineDash([]);
  ctx.font = `${LABEL_FONT_PX}px system-ui, sans-serif`;
  ctx.textBaseline = "top";
  const h = LABEL_FONT_PX + 4;
  const widthOf = (label: string) => {
    let w = textWidths.get(label);
    if (w === undefined) {
      w = ctx.measureText(label).width + 6;
      textWidths.set(label, w);
    }
    return w;
  };
  // Responses claim their spots first; layer tags take what is left.
  items.sort((a, b) => (a.o.source === b.o.source ? 0 : a.o.source === "response" ? -1 : 1));
  const spots = placeTags(
    items.map(({ o, x, y }) => ({ x, y, width: widthOf(o.label), height: h })),
    s.viewport,
  );
  items.forEach(({ o }, i) => {
    const spot = spots[i];
    if (!spot) return;
    const color = colors.colorOf(o.label);
    // Responses: a tag in the label's colour. Layers (read-only): dark tag, text in the colour.
    const layer = o.source === "layer";
    ctx.globalAlpha = layer ? 0.75 : 0.92;
    ctx.fillStyle = layer ? "#111418" : color;
    ctx.fillRect(spot.x, spot.y, widthOf(o.label), h);
    ctx.globalAlpha = 1;
    ctx.fillStyle = layer ? color : textColorOn(color);
    ctx.fillText(o.label, spot.x + 3, spot.y + 2);
  });
  ctx.restore();
}

export type { DrawState, Size, View };
