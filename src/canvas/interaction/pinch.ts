import { panBy, zoomAt, type View } from "../../geometry";

export interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * A two-finger step: the view zooms by the change in finger distance around their midpoint and
 * pans by the midpoint's move, so the image stays under both fingers (like a map).
 */
export function pinchView(view: View, from: readonly [ScreenPoint, ScreenPoint], to: readonly [ScreenPoint, ScreenPoint]): View {
  const dist = (p: readonly [ScreenPoint, ScreenPoint]) => Math.hypot(p[1].x - p[0].x, p[1].y - p[0].y);
  const mid = (p: readonly [ScreenPoint, ScreenPoint]) => ({ x: (p[0].x + p[1].x) / 2, y: (p[0].y + p[1].y) / 2 });
  const a = mid(from);
  const b = mid(to);
  const d0 = dist(from);
  const factor = d0 > 1 ? dist(to) / d0 : 1;
  return zoomAt(panBy(view, b.x - a.x, b.y - a.y), factor, b.x, b.y);
}
