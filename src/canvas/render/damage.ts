import type { Rect, View } from "../../geometry";

// Dirty rectangles of the static layer, in device pixels of its canvas. A partial redraw clears
// and clips to whole device pixels, so a rectangle's edge never blends old and new pixels.

/** A rectangle of whole device pixels: x, y, width, height. */
export interface DeviceRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The device pixels an image-space rectangle can paint at this view: its bounds on screen, grown
 * by `marginPx` CSS pixels (strokes, halos and point dots reach past an object's bounds), rounded
 * outwards and clipped to the canvas. Null when nothing of it is on the canvas.
 */
export function toDeviceRect(bounds: Rect, view: View, pixelRatio: number, marginPx: number, canvasW: number, canvasH: number): DeviceRect | null {
  const k = view.scale * pixelRatio;
  const m = marginPx * pixelRatio;
  const x0 = Math.max(0, Math.floor(bounds.minX * k + view.x * pixelRatio - m));
  const y0 = Math.max(0, Math.floor(bounds.minY * k + view.y * pixelRatio - m));
  const x1 = Math.min(canvasW, Math.ceil(bounds.maxX * k + view.x * pixelRatio + m));
  const y1 = Math.min(canvasH, Math.ceil(bounds.maxY * k + view.y * pixelRatio + m));
  if (!(x1 > x0 && y1 > y0)) return null;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A CSS-pixel rectangle (a label tag) as whole device pixels, clipped to the canvas. */
export function cssToDeviceRect(r: { x: number; y: number; width: number; height: number }, pixelRatio: number, canvasW: number, canvasH: number): DeviceRect | null {
  return toDeviceRect({ minX: r.x, minY: r.y, maxX: r.x + r.width, maxY: r.y + r.height }, { scale: 1, x: 0, y: 0 }, pixelRatio, 1, canvasW, canvasH);
}

/**
 * The image-space area whose objects can paint into `r`: the rectangle mapped back through the
 * view, grown by the same margin, so every object reaching into it is a candidate.
 */
export function imageAreaOf(r: DeviceRect, view: View, pixelRatio: number, marginPx: number): Rect {
  const k = view.scale * pixelRatio;
  const m = marginPx * pixelRatio;
  return {
    minX: (r.x - m - view.x * pixelRatio) / k,
    minY: (r.y - m - view.y * pixelRatio) / k,
    maxX: (r.x + r.w + m - view.x * pixelRatio) / k,
    maxY: (r.y + r.h + m - view.y * pixelRatio) / k,
  };
}

function overlaps(a: DeviceRect, b: DeviceRect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function union(a: DeviceRect, b: DeviceRect): DeviceRect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/**
 * Merges overlapping rectangles into their bounding rectangles until none overlap. Each pixel is
 * then cleared and redrawn exactly once: drawing a translucent fill twice over the same pixel
 * (two overlapping passes) would darken it.
 */
export function disjointRects(rects: readonly DeviceRect[]): DeviceRect[] {
  const out = rects.filter((r) => r.w > 0 && r.h > 0).map((r) => ({ ...r }));
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        if (overlaps(out[i], out[j])) {
          out[i] = union(out[i], out[j]);
          out.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
  }
  return out;
}

/** One rectangle around all of them. */
export function boundingRect(rects: readonly DeviceRect[]): DeviceRect | null {
  if (rects.length === 0) return null;
  return rects.reduce(union);
}

export function totalArea(rects: readonly DeviceRect[]): number {
  return rects.reduce((sum, r) => sum + r.w * r.h, 0);
}
