import type { Rect } from "./rect";

/** A box as the wire has it (left, top, width, height in image pixels). */
export interface BoxLike {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Boxes with negative width/height (dragged up-left) become the same area with positive sizes. */
export function normalizeBox(b: BoxLike): BoxLike {
  const left = b.width < 0 ? b.left + b.width : b.left;
  const top = b.height < 0 ? b.top + b.height : b.top;
  return { left, top, width: Math.abs(b.width), height: Math.abs(b.height) };
}

export function boxToRect(b: BoxLike): Rect {
  const n = normalizeBox(b);
  return { minX: n.left, minY: n.top, maxX: n.left + n.width, maxY: n.top + n.height };
}

/**
 * The rectangle to stroke so that a border of `lineWidth` lies inside the box, as the docs
 * draw it ("the border is drawn inside the bounding box"). A box thinner than the border is
 * filled instead: returns null for the stroke in that case.
 */
export function innerStrokeRect(b: BoxLike, lineWidth: number): BoxLike | null {
  const n = normalizeBox(b);
  if (n.width <= lineWidth || n.height <= lineWidth) return null;
  const h = lineWidth / 2;
  return { left: n.left + h, top: n.top + h, width: n.width - lineWidth, height: n.height - lineWidth };
}
