/** Polygon kernels on flat [x0, y0, x1, y1, ...] arrays; the ring is closed implicitly. */

export function polygonSignedArea(points: ArrayLike<number>): number {
  const n = Math.floor(points.length / 2);
  let sum = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    sum += (points[2 * j] - points[2 * i]) * (points[2 * j + 1] + points[2 * i + 1]);
  }
  return sum / 2;
}

export function polygonArea(points: ArrayLike<number>): number {
  return Math.abs(polygonSignedArea(points));
}

/** Even-odd rule, so self-intersecting annotations behave as they are drawn with fill(). */
export function pointInPolygon(points: ArrayLike<number>, x: number, y: number): boolean {
  const n = Math.floor(points.length / 2);
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = points[2 * i];
    const yi = points[2 * i + 1];
    const xj = points[2 * j];
    const yj = points[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Area-weighted centroid, falling back to the vertex mean for degenerate rings. */
export function polygonCentroid(points: ArrayLike<number>): { x: number; y: number } {
  const n = Math.floor(points.length / 2);
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const cross = points[2 * j] * points[2 * i + 1] - points[2 * i] * points[2 * j + 1];
    a += cross;
    cx += (points[2 * j] + points[2 * i]) * cross;
    cy += (points[2 * j + 1] + points[2 * i + 1]) * cross;
  }
  if (Math.abs(a) < 1e-9) {
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      sx += points[2 * i];
      sy += points[2 * i + 1];
    }
    return n === 0 ? { x: 0, y: 0 } : { x: sx / n, y: sy / n };
  }
  return { x: cx / (3 * a), y: cy / (3 * a) };
}
