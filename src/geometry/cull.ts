import { rectsIntersect, type Rect } from "./rect";

/**
 * Labels are drawn only when their object is at least this big on screen: below it, text costs
 * as much as the shapes and can't be read anyway.
 */
export function labelFits(bounds: Rect, scale: number, minScreenPx = 24): boolean {
  return Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) * scale >= minScreenPx;
}

/** Linear culling for small sets (the overlay); big sets go through SpatialIndex.search. */
export function cullRects(bounds: ReadonlyArray<Rect>, viewport: Rect): number[] {
  const out: number[] = [];
  for (let i = 0; i < bounds.length; i++) if (rectsIntersect(bounds[i], viewport)) out.push(i);
  return out;
}
