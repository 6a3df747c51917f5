/** An axis-aligned rectangle in image pixels, in rbush's field names so it can be indexed as is. */
export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

export function rectContainsPoint(r: Rect, x: number, y: number): boolean {
  return x >= r.minX && x <= r.maxX && y >= r.minY && y <= r.maxY;
}

export function expandRect(r: Rect, by: number): Rect {
  return { minX: r.minX - by, minY: r.minY - by, maxX: r.maxX + by, maxY: r.maxY + by };
}

export function rectArea(r: Rect): number {
  return Math.max(0, r.maxX - r.minX) * Math.max(0, r.maxY - r.minY);
}

/** Bounds of a flat [x0, y0, x1, y1, ...] array; an empty array gives an empty rect at 0,0. */
export function boundsOfFlat(points: ArrayLike<number>): Rect {
  if (points.length < 2) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i];
    const y = points[i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** Flattens wire vertices ({x, y}[]) into the flat array every kernel works on. */
export function flattenVertices(vertices: ReadonlyArray<{ x: number; y: number }>): number[] {
  const out = new Array<number>(vertices.length * 2);
  for (let i = 0; i < vertices.length; i++) {
    out[2 * i] = vertices[i].x;
    out[2 * i + 1] = vertices[i].y;
  }
  return out;
}
