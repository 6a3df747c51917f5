import type { BoxLike } from "./box";

// Box editing kernels: drawing from two corners, resizing by one of eight handles, and keeping
// a box at its task's minimum size. Boxes are the wire's {left, top, width, height}, image px.

/** Box handles by compass direction; n/s move one horizontal edge, e/w one vertical edge. */
export type ResizeDir = "nw" | "n" | "ne" | "e" | "se" | "s" | "sw" | "w";
export const RESIZE_DIRS: readonly ResizeDir[] = ["nw", "n", "ne", "e", "se", "s", "sw", "w"];

/** The box spanned by two corners, in any order. */
export function boxFromCorners(ax: number, ay: number, bx: number, by: number): BoxLike {
  return { left: Math.min(ax, bx), top: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}

export function isBelowMinimum(b: BoxLike, minWidth: number, minHeight: number): boolean {
  return b.width < minWidth || b.height < minHeight;
}

/** Where each handle sits on a box. */
export function boxHandlePoint(b: BoxLike, dir: ResizeDir): { x: number; y: number } {
  const x = dir.includes("w") ? b.left : dir.includes("e") ? b.left + b.width : b.left + b.width / 2;
  const y = dir.includes("n") ? b.top : dir.includes("s") ? b.top + b.height : b.top + b.height / 2;
  return { x, y };
}

/**
 * Grows a dimension that is below its minimum, keeping the anchor edge where it is and growing
 * towards the side the box was dragged to (`towardsX/Y` > 0: right/down).
 */
export function snapToMinimum(b: BoxLike, minWidth: number, minHeight: number, towardsX = 1, towardsY = 1): BoxLike {
  let { left, top, width, height } = b;
  if (width < minWidth) {
    if (towardsX < 0) left = left + width - minWidth;
    width = minWidth;
  }
  if (height < minHeight) {
    if (towardsY < 0) top = top + height - minHeight;
    height = minHeight;
  }
  return { left, top, width, height };
}

/**
 * The box after dragging handle `dir` to (x, y). The opposite edge or corner stays fixed; the
 * dragged one may cross it (the box flips). With `min`, the result is never below the minimum
 * (at least 1 px each way): it grows from the fixed edge towards the pointer.
 */
export function resizeBox(start: BoxLike, dir: ResizeDir, x: number, y: number, min?: { width: number; height: number }): BoxLike {
  const right = start.left + start.width;
  const bottom = start.top + start.height;
  let x0 = start.left;
  let x1 = right;
  let y0 = start.top;
  let y1 = bottom;
  // (fx, fy) is the fixed side; the moving side follows the pointer.
  let dirX = 0;
  let dirY = 0;
  if (dir.includes("w")) {
    x0 = right;
    x1 = x;
    dirX = x > right ? 1 : -1;
  } else if (dir.includes("e")) {
    x0 = start.left;
    x1 = x;
    dirX = x < start.left ? -1 : 1;
  }
  if (dir.includes("n")) {
    y0 = bottom;
    y1 = y;
    dirY = y > bottom ? 1 : -1;
  } else if (dir.includes("s")) {
    y0 = start.top;
    y1 = y;
    dirY = y < start.top ? -1 : 1;
  }
  const box = boxFromCorners(x0, y0, x1, y1);
  if (!min) return box;
  const minW = Math.max(1, min.width);
  const minH = Math.max(1, min.height);
  // Only the dimensions the handle moves are snapped; the others keep their size.
  return snapToMinimum(box, dirX === 0 ? 0 : minW, dirY === 0 ? 0 : minH, dirX, dirY);
}

export function translateBox<B extends BoxLike>(b: B, dx: number, dy: number): B {
  return { ...b, left: b.left + dx, top: b.top + dy };
}
