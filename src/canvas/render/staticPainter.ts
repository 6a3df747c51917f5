import type { Rect, View } from "../../geometry";
import { isShown } from "../store";
import type { SceneIndex } from "../scene/sceneIndex";
import type { SceneObject } from "../scene/types";
import type { LabelPalette } from "../style";
import { boundingRect, cssToDeviceRect, disjointRects, imageAreaOf, toDeviceRect, totalArea, type DeviceRect } from "./damage";
import { bucketOrder, LabelOrder, type BucketOrder } from "./drawOrder";
import { drawStaticKind, paintLabels, planLabels, type DrawState, type LabelTag, type StaticScene } from "./drawStatic";

/** How far past its bounds an object can paint, in CSS pixels (halo, round joins, point dots). */
export const PAINT_MARGIN_PX = 8;
/** Past this share of the canvas, or this many rectangles, a partial redraw isn't worth it. */
const MAX_PARTIAL_SHARE = 0.4;
const MAX_PARTIAL_RECTS = 24;

export interface StaticPaintInput {
  index: SceneIndex;
  state: DrawState;
  colors: LabelPalette;
  /** The canvas's size in device pixels and its pixel ratio. */
  width: number;
  height: number;
  pixelRatio: number;
}

export interface StaticPaintResult {
  /** "none": nothing the static layer shows changed, its pixels stay. */
  mode: "full" | "partial" | "none";
  /** Rectangles redrawn (partial), and their device pixels. */
  rects: number;
  pixels: number;
  /** Why a full redraw was needed. */
  reason?: string;
}

interface Painted {
  index: SceneIndex;
  view: View;
  viewport: { width: number; height: number };
  hiddenLabels: DrawState["hiddenLabels"];
  hiddenKinds: DrawState["hiddenKinds"];
  hiddenSources: DrawState["hiddenSources"];
  detached: ReadonlySet<string>;
  showLabels: boolean;
  colors: LabelPalette;
  width: number;
  height: number;
  pixelRatio: number;
  tags: LabelTag[];
}

const NO_IDS: ReadonlySet<string> = new Set();

function sameView(a: View, b: View): boolean {
  return a.scale === b.scale && a.x === b.x && a.y === b.y;
}

/** The vector kinds hidden (the mask toggle lives in the same set but isn't drawn here). */
function sameVectorKinds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  for (const k of a) if (k !== "mask" && !b.has(k)) return false;
  for (const k of b) if (k !== "mask" && !a.has(k)) return false;
  return true;
}

/**
 * Paints the static layer's canvas, redrawing as little as it can. It remembers what the canvas
 * shows (scene, view, legend, detached objects, label tags) and compares with what it should
 * show: when only some objects changed (an edit's commit, an object detached for a gesture) it
 * clears and redraws just the device-pixel rectangles their old and new extents (and any label
 * tag that moved) cover, clipped, drawing the candidates the spatial index finds there in the
 * same fixed order a full redraw uses (drawOrder.ts), so the result is the same pixels. A view,
 * viewport or legend change, or a canvas that was resized (and so cleared), is a full redraw.
 */
export class StaticPainter {
  private painted: Painted | null = null;
  private labelOrder: LabelOrder | null = null;
  private readonly orders = new WeakMap<readonly SceneObject[], BucketOrder>();

  /** Forget what the canvas shows: the next paint is a full one. */
  reset(): void {
    this.painted = null;
  }

  paint(ctx: CanvasRenderingContext2D, input: StaticPaintInput): StaticPaintResult {
    const labels = (this.labelOrder ??= new LabelOrder(input.colors.labels));
    const scene: StaticScene = {
      index: input.index,
      state: input.state,
      colors: input.colors,
      orderOf: (objects) => {
        let o = this.orders.get(objects);
        if (!o) {
          o = bucketOrder(objects, labels);
          this.orders.set(objects, o);
        }
        return o;
      },
    };
    const kinds = input.index.kindsPresent();
    const tags = planLabels(ctx, scene, kinds);
    const prev = this.painted;
    const reason = prev ? fullRedrawReason(prev, input) : "first paint";
    let result: StaticPaintResult;
    if (reason) result = this.full(ctx, scene, input, tags, reason);
    else {
      const rects = damage(prev as Painted, input, tags);
      if (rects.length === 0) result = { mode: "none", rects: 0, pixels: 0 };
      else if (rects.length > MAX_PARTIAL_RECTS || totalArea(rects) > MAX_PARTIAL_SHARE * input.width * input.height) {
        result = this.full(ctx, scene, input, tags, "large damage");
      } else {
        for (const r of rects) paintRect(ctx, scene, input, tags, r);
        result = { mode: "partial", rects: rects.length, pixels: totalArea(rects) };
      }
    }
    const s = input.state;
    this.painted = {
      index: input.index,
      view: s.view,
      viewport: s.viewport,
      hiddenLabels: s.hiddenLabels,
      hiddenKinds: s.hiddenKinds,
      hiddenSources: s.hiddenSources,
      detached: s.detachedIds ?? NO_IDS,
      showLabels: s.showLabels,
      colors: input.colors,
      width: input.width,
      height: input.height,
      pixelRatio: input.pixelRatio,
      tags,
    };
    return result;
  }

  private full(ctx: CanvasRenderingContext2D, scene: StaticScene, input: StaticPaintInput, tags: LabelTag[], reason: string): StaticPaintResult {
    paintRect(ctx, scene, input, tags, { x: 0, y: 0, w: input.width, h: input.height }, false);
    return { mode: "full", rects: 1, pixels: input.width * input.height, reason };
  }
}

function fullRedrawReason(prev: Painted, input: StaticPaintInput): string | null {
  const s = input.state;
  if (prev.width !== input.width || prev.height !== input.height || prev.pixelRatio !== input.pixelRatio) return "canvas size";
  if (!sameView(prev.view, s.view) || prev.viewport.width !== s.viewport.width || prev.viewport.height !== s.viewport.height) return "view";
  if (prev.hiddenLabels !== s.hiddenLabels || prev.hiddenSources !== s.hiddenSources || !sameVectorKinds(prev.hiddenKinds, s.hiddenKinds)) return "legend";
  if (prev.showLabels !== s.showLabels) return "labels toggled";
  if (prev.colors !== input.colors) return "colours";
  return null;
}

/**
 * The device rectangles that differ between what was painted and what should be: objects whose
 * scene form changed, appeared or went (old and new extents), objects detached or re-attached,
 * and label tags that moved, appeared or went. Disjoint, so each pixel is redrawn once.
 */
function damage(prev: Painted, input: StaticPaintInput, tags: readonly LabelTag[]): DeviceRect[] {
  const s = input.state;
  const { width, height, pixelRatio } = input;
  const rects: DeviceRect[] = [];
  const addBounds = (b: Rect | undefined) => {
    if (!b) return;
    const r = toDeviceRect(b, s.view, pixelRatio, PAINT_MARGIN_PX, width, height);
    if (r) rects.push(r);
  };
  const shownBounds = (o: SceneObject | undefined) => {
    if (o && isShown(s, o)) addBounds(o.bounds);
  };
  if (prev.index !== input.index) {
    for (const kind of new Set([...prev.index.buckets.keys(), ...input.index.buckets.keys()])) {
      const before = prev.index.buckets.get(kind)?.objects ?? [];
      const after = input.index.buckets.get(kind)?.objects ?? [];
      if (before === after) continue;
      if (before.length === after.length) {
        // An edit in place (move, resize, relabel): compare position by position.
        for (let i = 0; i < after.length; i++) {
          if (before[i] === after[i]) continue;
          shownBounds(before[i]);
          shownBounds(after[i]);
        }
        continue;
      }
      // Objects added or removed shift positions: compare by id.
      for (const o of after) {
        const old = prev.index.byId.get(o.id);
        if (old === o) continue;
        shownBounds(o);
        shownBounds(old);
      }
      for (const old of before) if (!input.index.byId.has(old.id)) shownBounds(old);
    }
  }
  const detached = s.detachedIds ?? NO_IDS;
  if (detached !== prev.detached) {
    const toggled = (id: string) => {
      shownBounds(input.index.byId.get(id));
      shownBounds(prev.index.byId.get(id));
    };
    for (const id of detached) if (!prev.detached.has(id)) toggled(id);
    for (const id of prev.detached) if (!detached.has(id)) toggled(id);
  }
  const before = new Map(prev.tags.map((t) => [t.id, t]));
  const addTag = (t: LabelTag) => {
    const r = cssToDeviceRect(t, pixelRatio, width, height);
    if (r) rects.push(r);
  };
  for (const t of tags) {
    const old = before.get(t.id);
    before.delete(t.id);
    if (old && old.x === t.x && old.y === t.y && old.text === t.text && old.width === t.width && old.color === t.color && old.layer === t.layer) continue;
    addTag(t);
    if (old) addTag(old);
  }
  for (const old of before.values()) addTag(old);
  const disjoint = disjointRects(rects);
  // Many small rectangles cost more in clip setup than one around them.
  if (disjoint.length > MAX_PARTIAL_RECTS) {
    const all = boundingRect(disjoint);
    return all ? [all] : [];
  }
  return disjoint;
}

/**
 * Redraws the whole canvas, or one device rectangle of it (cleared and clipped, so nothing
 * outside it changes): every kind's candidates meeting it, in the fixed draw order, then the tags
 * meeting it. The rasteriser may round a blend differently under a clip (a level or two on a
 * few pixels): the bench checks that a partial redraw matches a full one within that.
 */
function paintRect(ctx: CanvasRenderingContext2D, scene: StaticScene, input: StaticPaintInput, tags: readonly LabelTag[], r: DeviceRect, partial = true): void {
  const { view } = input.state;
  const pr = input.pixelRatio;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(r.x, r.y, r.w, r.h);
  if (partial) {
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.clip();
  }
  ctx.setTransform(view.scale * pr, 0, 0, view.scale * pr, view.x * pr, view.y * pr);
  // A full redraw takes the same margin, so objects just off screen whose strokes reach in are drawn alike.
  const area = imageAreaOf(r, view, pr, PAINT_MARGIN_PX);
  for (const kind of input.index.kindsPresent()) drawStaticKind(ctx, scene, kind, area);
  const cssClip = partial ? { minX: r.x / pr, minY: r.y / pr, maxX: (r.x + r.w) / pr, maxY: (r.y + r.h) / pr } : undefined;
  paintLabels(ctx, tags, pr, cssClip);
  ctx.restore();
}
