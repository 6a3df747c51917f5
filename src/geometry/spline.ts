/**
 * Cardinal splines through every vertex, as the docs' `spline: true` lines are drawn.
 * Tension follows d3's curveCardinal: 0 is Catmull-Rom, 1 gives straight segments.
 * Endpoints repeat themselves as their missing neighbour, so the curve starts and ends on them.
 */
export function sampleCardinalSpline(
  points: ArrayLike<number>,
  tension = 0,
  samplesPerSegment = 12,
): number[] {
  const n = Math.floor(points.length / 2);
  if (n < 3) return Array.from(points).slice(0, n * 2);
  const k = (1 - tension) / 2;
  const out: number[] = [points[0], points[1]];
  const px = (i: number) => points[2 * Math.min(n - 1, Math.max(0, i))];
  const py = (i: number) => points[2 * Math.min(n - 1, Math.max(0, i)) + 1];
  for (let i = 0; i < n - 1; i++) {
    const x1 = px(i);
    const y1 = py(i);
    const x2 = px(i + 1);
    const y2 = py(i + 1);
    const m1x = k * (x2 - px(i - 1));
    const m1y = k * (y2 - py(i - 1));
    const m2x = k * (px(i + 2) - x1);
    const m2y = k * (py(i + 2) - y1);
    for (let s = 1; s <= samplesPerSegment; s++) {
      const t = s / samplesPerSegment;
      const t2 = t * t;
      const t3 = t2 * t;
      const h00 = 2 * t3 - 3 * t2 + 1;
      const h10 = t3 - 2 * t2 + t;
      const h01 = -2 * t3 + 3 * t2;
      const h11 = t3 - t2;
      out.push(h00 * x1 + h10 * m1x + h01 * x2 + h11 * m2x, h00 * y1 + h10 * m1y + h01 * y2 + h11 * m2y);
    }
  }
  return out;
}
