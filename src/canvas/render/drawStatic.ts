import { labelFits, rectsIntersect, visibleRect, type Rect, type Size, type View } from "../../geometry";
import { placeTags } from "./labelPlacement";
import { kindOf } from "../kinds";
import type { DrawStyle } from "../kinds";
import { isShown, type CanvasState } from "../store";
import type { SceneIndex } from "../scene/sceneIndex";
import type { KindName, SceneObject } from "../scene/types";
import { HALO_COLOR, HALO_WIDTH, LABEL_FONT_PX, MAX_STATIC_LABELS, textColorOn, type LabelPalette } from "../style";
import { inDrawOrder, type BucketOrder } from "./drawOrder";

type DrawState = Pick<CanvasState, "hiddenLabels" | "hiddenKinds" | "hiddenSources" | "showLabels" | "view" | "viewport"> &
  Partial<Pick<CanvasState, "detachedIds">>;

/** What a static draw reads: the scene, the legend/view state, colours and the fixed draw order. */
export interface StaticScene {
  index: SceneIndex;
  state: DrawState;
  colors: LabelPalette;
  orderOf(objects: readonly SceneObject[]): BucketOrder;
}

/**
 * The shown objects of `kind` meeting `area` (image pixels), in draw order, cut into runs: one
 * list per run (same label and run key), layers and responses apart.
 */
function runsIn(scene: StaticScene, kind: KindName, area: Rect): { layer: SceneObject[][]; response: SceneObject[][] } {
  const out = { layer: [] as SceneObject[][], response: [] as SceneObject[][] };
  const s = scene.state;
  const bucket = scene.index.buckets.get(kind);
  if (!bucket || s.hiddenKinds.has(kind)) return out;
  const order = scene.orderOf(bucket.objects);
  const detached = s.detachedIds && s.detachedIds.size > 0 ? s.detachedIds : null;
  const lastKey = { layer: -1, response: -1 };
  for (const i of inDrawOrder(bucket.index.search(area), order)) {
    const o = bucket.objects[i];
    if (!isShown(s, o) || (detached && detached.has(o.id))) continue;
    const runs = out[o.source];
    const key = order.runOf[i];
    if (key !== lastKey[o.source] || runs.length === 0) {
      runs.push([o]);
      lastKey[o.source] = key;
    } else runs[runs.length - 1].push(o);
  }
  return out;
}

/**
 * One kind's objects meeting `area` (image pixels): layers first (under), then the responses'
 * dark outline, then the responses. The context is in image pixels. Each run is one batch.
 */
export function drawStaticKind(ctx: CanvasRenderingContext2D, scene: StaticScene, kind: KindName, area: Rect): void {
  const { layer, response } = runsIn(scene, kind, area);
  if (layer.length === 0 && response.length === 0) return;
  const def = kindOf(kind);
  const scale = scene.state.view.scale;
  const colorOf = scene.colors.colorOf;
  for (const run of layer) def.drawBatch(ctx, run, { scale, colorOf, source: "layer" });
  // Points carry their own white rim; every other response kind gets a dark outline first.
  if (kind !== "point") {
    const halo: DrawStyle = { scale: scale / HALO_WIDTH, source: "response", colorOf: () => HALO_COLOR, halo: true };
    for (const run of response) def.drawBatch(ctx, run, halo);
  }
  for (const run of response) def.drawBatch(ctx, run, { scale, colorOf, source: "response" });
}

/** The whole viewport's area in image pixels. */
export function viewportArea(s: Pick<DrawState, "view" | "viewport">): Rect {
  return visibleRect(s.view, s.viewport);
}

/** A placed label tag, in CSS pixels of the stage. */
export interface LabelTag {
  id: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Layers (read-only) get a dark tag with coloured text; responses a tag in the label's colour. */
  layer: boolean;
  color: string;
}

const textWidths = new Map<string, number>();

const candidateCache = new WeakMap<readonly SceneObject[], { scale: number; positions: Uint32Array }>();

/**
 * Positions of a kind's objects that would get a tag at this scale (labelled, big enough on
 * screen), in draw order. Cached per objects list and scale: an edit rebuilds only the kind it
 * changed, so the 10,000 objects of an untouched kind aren't sorted again at every commit.
 */
function labelCandidates(objects: readonly SceneObject[], order: BucketOrder, scale: number): Uint32Array {
  const hit = candidateCache.get(objects);
  if (hit && hit.scale === scale) return hit.positions;
  const out: number[] = [];
  for (let r = 0; r < order.atRank.length; r++) {
    const o = objects[order.atRank[r]];
    if (o.label !== "" && (o.kind === "point" || labelFits(o.bounds, scale))) out.push(order.atRank[r]);
  }
  const positions = Uint32Array.from(out);
  candidateCache.set(objects, { scale, positions });
  return positions;
}

/**
 * Where the label tags go: screen space (constant size at any zoom), only for objects big enough
 * on screen and at most MAX_STATIC_LABELS of them, placed so that no two overlap (responses
 * first, then in draw order, so the same scene always places the same tags).
 */
export function planLabels(ctx: CanvasRenderingContext2D, scene: StaticScene, kinds: readonly KindName[]): LabelTag[] {
  const s = scene.state;
  if (!s.showLabels) return [];
  const area = viewportArea(s);
  const detached = s.detachedIds && s.detachedIds.size > 0 ? s.detachedIds : null;
  const responses: { o: SceneObject; x: number; y: number }[] = [];
  const layers: { o: SceneObject; x: number; y: number }[] = [];
  for (const kind of kinds) {
    const bucket = scene.index.buckets.get(kind);
    if (!bucket || s.hiddenKinds.has(kind)) continue;
    const def = kindOf(kind);
    for (const i of labelCandidates(bucket.objects, scene.orderOf(bucket.objects), s.view.scale)) {
      const o = bucket.objects[i];
      if (!rectsIntersect(o.bounds, area) || !isShown(s, o) || (detached && detached.has(o.id))) continue;
      const a = def.labelAnchor(o);
      (o.source === "response" ? responses : layers).push({ o, x: a.x * s.view.scale + s.view.x, y: a.y * s.view.scale + s.view.y });
      if (responses.length + layers.length > MAX_STATIC_LABELS) return [];
    }
  }
  // Responses claim their spots first; within each source, draw order.
  const items = [...responses, ...layers];
  ctx.save();
  ctx.font = `${LABEL_FONT_PX}px system-ui, sans-serif`;
  const widths = items.map(({ o }) => {
    let w = textWidths.get(o.label);
    if (w === undefined) {
      w = ctx.measureText(o.label).width + 6;
      textWidths.set(o.label, w);
    }
    return w;
  });
  ctx.restore();
  const h = LABEL_FONT_PX + 4;
  const spots = placeTags(
    items.map(({ x, y }, i) => ({ x, y, width: widths[i], height: h })),
    s.viewport,
  );
  const tags: LabelTag[] = [];
  items.forEach(({ o }, i) => {
    const spot = spots[i];
    if (!spot) return;
    tags.push({ id: o.id, text: o.label, x: spot.x, y: spot.y, width: widths[i], height: h, layer: o.source === "layer", color: scene.colors.colorOf(o.label) });
  });
  return tags;
}

/**
 * Paints tags (all, or those meeting `clip`, in CSS pixels) over the vectors; `origin` is the
 * device pixel of the stage that the context's (0, 0) stands for.
 */
export function paintLabels(ctx: CanvasRenderingContext2D, tags: readonly LabelTag[], pixelRatio: number, clip?: Rect, origin = { x: 0, y: 0 }): void {
  if (tags.length === 0) return;
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, -origin.x, -origin.y);
  ctx.setLineDash([]);
  ctx.font = `${LABEL_FONT_PX}px system-ui, sans-serif`;
  ctx.textBaseline = "top";
  for (const t of tags) {
    if (clip && !rectsIntersect(clip, { minX: t.x, minY: t.y, maxX: t.x + t.width, maxY: t.y + t.height })) continue;
    ctx.globalAlpha = t.layer ? 0.75 : 0.92;
    ctx.fillStyle = t.layer ? "#111418" : t.color;
    ctx.fillRect(t.x, t.y, t.width, t.height);
    ctx.globalAlpha = 1;
    ctx.fillStyle = t.layer ? t.color : textColorOn(t.color);
    ctx.fillText(t.text, t.x + 3, t.y + 2);
  }
  ctx.restore();
}

export type { DrawState, Size, View };
