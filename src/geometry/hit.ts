import { pointInPolygon } from "./polygon";
import type { Rect } from "./rect";

/** Squared distance from (px, py) to the segment (ax, ay)-(bx, by). */
export function distToSegmentSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  let t = len === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Is (x, y) within `tolerance` of the polyline `points` (flat), optionally closed into a ring? */
export function nearPolyline(points: ArrayLike<number>, x: number, y: number, tolerance: number, closed = false): boolean {
  const n = Math.floor(points.length / 2);
  const tol2 = tolerance * tolerance;
  if (n === 1) return (points[0] - x) ** 2 + (points[1] - y) ** 2 <= tol2;
  for (let i = 0; i + 1 < n; i++) {
    if (distToSegmentSq(x, y, points[2 * i], points[2 * i + 1], points[2 * i + 2], points[2 * i + 3]) <= tol2) return true;
  }
  if (closed && n > 2) {
    return distToSegmentSq(x, y, points[2 * n - 2], points[2 * n - 1], points[0], points[1]) <= tol2;
  }
  return false;
}

export function nearPoint(px: number, py: number, x: number, y: number, radius: number): boolean {
  return (px - x) ** 2 + (py - y) ** 2 <= radius * radius;
}

/** Inside the polygon or within `tolerance` of its outline. */
export function hitPolygon(points: ArrayLike<number>, x: number, y: number, tolerance: number): boolean {
  return pointInPolygon(points, x, y) || nearPolyline(points, x, y, tolerance, true);
}

/** Inside the box or within `tolerance` of its border. */
export function hitBox(r: Rect, x: number, y: number, tolerance: number): boolean {
  return x >= r.minX - tolerance && x <= r.maxX + tolerance && y >= r.minY - tolerance && y <= r.maxY + tolerance;
}

/** Within `tolerance` of the box border only (for picking an outline among nested boxes). */
export function onBoxBorder(r: Rect, x: number, y: number, tolerance: number): boolean {
  if (!hitBox(r, x, y, tolerance)) return false;
  return (
    Math.abs(x - r.minX) <= tolerance ||
    Math.abs(x - r.maxX) <= tolerance ||
    Math.abs(y - r.minY) <= tolerance ||
    Math.abs(y - r.maxY) <= tolerance
  );
}
