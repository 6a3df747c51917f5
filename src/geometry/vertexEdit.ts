// Vertex editing on flat [x0, y0, x1, y1, ...] arrays (lines, polygons). Every function returns a
// new array; callers keep the old one for undo.

export function vertexCount(points: ArrayLike<number>): number {
  return Math.floor(points.length / 2);
}

export function moveVertex(points: readonly number[], index: number, x: number, y: number): number[] {
  const out = points.slice();
  out[2 * index] = x;
  out[2 * index + 1] = y;
  return out;
}

/** Inserts (x, y) after vertex `after` (so it becomes vertex after + 1). */
export function insertVertex(points: readonly number[], after: number, x: number, y: number): number[] {
  const out = points.slice(0, 2 * (after + 1));
  out.push(x, y, ...points.slice(2 * (after + 1)));
  return out;
}

/** Removes vertex `index`, or null when that would leave fewer than `min` vertices. */
export function deleteVertex(points: readonly number[], index: number, min: number): number[] | null {
  const n = vertexCount(points);
  if (index < 0 || index >= n || n - 1 < Math.max(1, min)) return null;
  return [...points.slice(0, 2 * index), ...points.slice(2 * index + 2)];
}

export function translatePoints(points: readonly number[], dx: number, dy: number): number[] {
  const out = new Array<number>(points.length);
  for (let i = 0; i + 1 < points.length; i += 2) {
    out[i] = points[i] + dx;
    out[i + 1] = points[i + 1] + dy;
  }
  return out;
}

/** Midpoints of each edge: edge i joins vertex i and i + 1 (and, closed, the last and the first). */
export function edgeMidpoints(points: readonly number[], closed: boolean): { index: number; x: number; y: number }[] {
  const n = vertexCount(points);
  const out: { index: number; x: number; y: number }[] = [];
  const edges = closed && n > 2 ? n : n - 1;
  for (let i = 0; i < edges; i++) {
    const j = (i + 1) % n;
    out.push({ index: i, x: (points[2 * i] + points[2 * j]) / 2, y: (points[2 * i + 1] + points[2 * j + 1]) / 2 });
  }
  return out;
}

/** Whether one more vertex is allowed under `max` (null: no limit). */
export function canAddVertex(count: number, max: number | null): boolean {
  return max === null || count < max;
}

/** Flat points ↔ the wire's vertex objects. */
export function toVertices(points: readonly number[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) out.push({ x: points[i], y: points[i + 1] });
  return out;
}
