/**
 * Editing a segmentation as ONE label-index raster (a byte per pixel, 0 = unlabeled), the way
 * the indexed PNG stores it. Every operation reports the rectangle it may have changed, so the
 * display repaints and the history saves only that rectangle. A pixel belongs to a shape when
 * its centre (x + 0.5, y + 0.5) lies inside it.
 */

export interface IndexRaster {
  readonly width: number;
  readonly height: number;
  /** Row-major label indices, width * height bytes. */
  readonly data: Uint8Array;
}

/** Whole pixels, half-open: columns x .. x + width - 1, rows y .. y + height - 1. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Called with the rectangle an operation is about to write, before it writes (history capture). */
export type BeforeWrite = (rect: PixelRect) => void;

export function createRaster(width: number, height: number): IndexRaster {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`raster size must be positive whole pixels, got ${width}x${height}`);
  }
  return { width, height, data: new Uint8Array(width * height) };
}

export function unionRect(a: PixelRect | null, b: PixelRect | null): PixelRect | null {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The part of [x0, x1) x [y0, y1) inside the raster, or null when nothing is. */
function clip(r: IndexRaster, x0: number, y0: number, x1: number, y1: number): PixelRect | null {
  const cx0 = Math.max(0, x0);
  const cy0 = Math.max(0, y0);
  const cx1 = Math.min(r.width, x1);
  const cy1 = Math.min(r.height, y1);
  return cx1 > cx0 && cy1 > cy0 ? { x: cx0, y: cy0, width: cx1 - cx0, height: cy1 - cy0 } : null;
}

/** x range where `a * x + b` lies in [lo, hi], intersected with [from, to] (a linear constraint). */
function linearRange(a: number, b: number, lo: number, hi: number, from: number, to: number): [number, number] | null {
  if (a === 0) return b >= lo && b <= hi ? [from, to] : null;
  let x0 = (lo - b) / a;
  let x1 = (hi - b) / a;
  if (x0 > x1) [x0, x1] = [x1, x0];
  const s = Math.max(from, x0);
  const e = Math.min(to, x1);
  return s <= e ? [s, e] : null;
}

/**
 * The span of the horizontal line y = cy inside the capsule of radius `radius` around segment
 * A-B (a round brush dragged from A to B). The capsule is convex, so the span is one interval:
 * the hull of the spans of the two end discs and of the band between them.
 */
function capsuleSpan(ax: number, ay: number, bx: number, by: number, radius: number, cy: number): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [px, py] of [[ax, ay], [bx, by]]) {
    const dy = cy - py;
    const h = radius * radius - dy * dy;
    if (h >= 0) {
      const w = Math.sqrt(h);
      lo = Math.min(lo, px - w);
      hi = Math.max(hi, px + w);
    }
  }
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 > 0) {
    const len = Math.sqrt(len2);
    // Projection t = ((x - ax) dx + (cy - ay) dy) / len2 in [0, 1], and the signed distance
    // ((x - ax) dy - (cy - ay) dx) / len in [-radius, radius]: both linear in x.
    const t = linearRange(dx / len2, (-ax * dx + (cy - ay) * dy) / len2, 0, 1, -Infinity, Infinity);
    if (t) {
      const band = linearRange(dy / len, (-ax * dy - (cy - ay) * dx) / len, -radius, radius, t[0], t[1]);
      if (band) {
        lo = Math.min(lo, band[0]);
        hi = Math.max(hi, band[1]);
      }
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * A round brush of `radius` pixels dragged from A to B: every pixel whose centre lies within
 * `radius` of the segment gets `index` (0 erases). A click is a segment with A = B.
 */
export function stampSegment(
  r: IndexRaster,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
  index: number,
  beforeWrite?: BeforeWrite,
): PixelRect | null {
  if (!(radius > 0) || ![ax, ay, bx, by].every(Number.isFinite)) return null;
  const rect = clip(
    r,
    Math.floor(Math.min(ax, bx) - radius),
    Math.floor(Math.min(ay, by) - radius),
    Math.ceil(Math.max(ax, bx) + radius) + 1,
    Math.ceil(Math.max(ay, by) + radius) + 1,
  );
  if (!rect) return null;
  beforeWrite?.(rect);
  let dirty: PixelRect | null = null;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    const span = capsuleSpan(ax, ay, bx, by, radius, y + 0.5);
    if (!span) continue;
    const x0 = Math.max(rect.x, Math.ceil(span[0] - 0.5));
    const x1 = Math.min(rect.x + rect.width - 1, Math.floor(span[1] - 0.5));
    if (x1 < x0) continue;
    r.data.fill(index, y * r.width + x0, y * r.width + x1 + 1);
    dirty = unionRect(dirty, { x: x0, y, width: x1 - x0 + 1, height: 1 });
  }
  return dirty;
}

/**
 * Fills a polygon (flat [x0, y0, x1, y1, ...], image pixels) with `index`, even-odd rule, by
 * scanlines through the pixel centres.
 */
export function fillPolygon(r: IndexRaster, points: ArrayLike<number>, index: number, beforeWrite?: BeforeWrite): PixelRect | null {
  const n = Math.floor(points.length / 2);
  if (n < 3) return null;
  let minY = Infinity;
  let maxY = -Infinity;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i];
    const y = points[2 * i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const rect = clip(r, Math.floor(minX), Math.floor(minY), Math.ceil(maxX) + 1, Math.ceil(maxY) + 1);
  if (!rect) return null;
  beforeWrite?.(rect);
  const xs: number[] = [];
  let dirty: PixelRect | null = null;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    const cy = y + 0.5;
    xs.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = points[2 * i + 1];
      const yj = points[2 * j + 1];
      // Half-open in y so a vertex exactly on the scanline counts once.
      if (yi > cy !== yj > cy) {
        const xi = points[2 * i];
        const xj = points[2 * j];
        xs.push(xi + ((cy - yi) * (xj - xi)) / (yj - yi));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const x0 = Math.max(rect.x, Math.ceil(xs[k] - 0.5));
      const x1 = Math.min(rect.x + rect.width - 1, Math.ceil(xs[k + 1] - 0.5) - 1);
      if (x1 < x0) continue;
      r.data.fill(index, y * r.width + x0, y * r.width + x1 + 1);
      dirty = unionRect(dirty, { x: x0, y, width: x1 - x0 + 1, height: 1 });
    }
  }
  return dirty;
}

/** A 4-connected region of unlabeled pixels: its row spans (y, x0, x1 inclusive) and bounds. */
export interface UnlabeledRegion {
  spans: number[];
  rect: PixelRect;
}

/** The 4-connected unlabeled region under (x, y), or null on a labelled pixel or outside. */
export function unlabeledRegionAt(r: IndexRaster, x: number, y: number): UnlabeledRegion | null {
  const sx = Math.floor(x);
  const sy = Math.floor(y);
  const { width: w, height: h, data } = r;
  if (sx < 0 || sy < 0 || sx >= w || sy >= h || data[sy * w + sx] !== 0) return null;
  const seen = new Uint8Array(w * h);
  const spans: number[] = [];
  const stack = [sx, sy];
  let minX = sx;
  let maxX = sx;
  let minY = sy;
  let maxY = sy;
  while (stack.length) {
    const py = stack.pop() as number;
    const px = stack.pop() as number;
    const row = py * w;
    if (seen[row + px] || data[row + px] !== 0) continue;
    let x0 = px;
    let x1 = px;
    while (x0 > 0 && data[row + x0 - 1] === 0 && !seen[row + x0 - 1]) x0--;
    while (x1 < w - 1 && data[row + x1 + 1] === 0 && !seen[row + x1 + 1]) x1++;
    seen.fill(1, row + x0, row + x1 + 1);
    spans.push(py, x0, x1);
    minX = Math.min(minX, x0);
    maxX = Math.max(maxX, x1);
    minY = Math.min(minY, py);
    maxY = Math.max(maxY, py);
    for (const ny of [py - 1, py + 1]) {
      if (ny < 0 || ny >= h) continue;
      const nrow = ny * w;
      // One seed per run of unlabeled, unseen pixels next to the span.
      for (let nx = x0; nx <= x1; nx++) {
        if (data[nrow + nx] === 0 && !seen[nrow + nx] && (nx === x0 || data[nrow + nx - 1] !== 0 || seen[nrow + nx - 1])) {
          stack.push(nx, ny);
        }
      }
    }
  }
  return { spans, rect: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 } };
}

/**
 * Fills the 4-connected unlabeled region under (x, y) with `index`. Nothing happens on a
 * labelled pixel or outside the image. The region is found first (as row spans) so that
 * `beforeWrite` sees the exact rectangle before any pixel changes.
 */
export function fillUnlabeledAt(r: IndexRaster, x: number, y: number, index: number, beforeWrite?: BeforeWrite): PixelRect | null {
  if (index === 0) return null;
  const region = unlabeledRegionAt(r, x, y);
  if (!region) return null;
  beforeWrite?.(region.rect);
  const { spans } = region;
  for (let i = 0; i < spans.length; i += 3) r.data.fill(index, spans[i] * r.width + spans[i + 1], spans[i] * r.width + spans[i + 2] + 1);
  return region.rect;
}

/**
 * The next unlabeled region in reading order after pixel `after` (row-major index; -1 starts at
 * the top left), wrapping around; null when every pixel has a label. `end` is the region's last
 * pixel in reading order: pass it as the next `after` to walk on ("show the next unlabeled area").
 */
export function nextUnlabeledRegion(r: IndexRaster, after: number): (UnlabeledRegion & { end: number }) | null {
  let start = r.data.indexOf(0, after + 1);
  if (start < 0) start = r.data.indexOf(0);
  if (start < 0) return null;
  const region = unlabeledRegionAt(r, start % r.width, Math.floor(start / r.width));
  if (!region) return null;
  let end = start;
  for (let i = 0; i < region.spans.length; i += 3) end = Math.max(end, region.spans[i] * r.width + region.spans[i + 2]);
  return { ...region, end };
}

/** The bounding rectangle of the unlabeled pixels, or null when every pixel has a label. */
export function unlabeledBounds(r: IndexRaster): PixelRect | null {
  const { width: w, height: h, data } = r;
  let minX = w;
  let maxX = -1;
  let minY = -1;
  let maxY = -1;
  for (let y = 0; y < h; y++) {
    const row = data.subarray(y * w, (y + 1) * w);
    const first = row.indexOf(0);
    if (first < 0) continue;
    if (minY < 0) minY = y;
    maxY = y;
    minX = Math.min(minX, first);
    maxX = Math.max(maxX, row.lastIndexOf(0));
  }
  return minY < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/** Gives every unlabeled pixel `index`. */
export function fillAllUnlabeled(r: IndexRaster, index: number, beforeWrite?: BeforeWrite): PixelRect | null {
  if (index === 0) return null;
  const rect = unlabeledBounds(r);
  if (!rect) return null;
  beforeWrite?.(rect);
  const { width: w, data } = r;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let i = y * w + rect.x, end = i + rect.width; i < end; i++) if (data[i] === 0) data[i] = index;
  }
  return rect;
}

/** How many pixels of `rect` (default: all) are unlabeled. */
export function countUnlabeled(r: IndexRaster, rect?: PixelRect): number {
  const { x, y, width, height } = rect ?? { x: 0, y: 0, width: r.width, height: r.height };
  let n = 0;
  for (let row = y; row < y + height; row++) {
    for (let i = row * r.width + x, end = i + width; i < end; i++) if (r.data[i] === 0) n++;
  }
  return n;
}

/** Copies a rectangle out of the raster (row by row). */
export function readRect(r: IndexRaster, rect: PixelRect): Uint8Array {
  const out = new Uint8Array(rect.width * rect.height);
  for (let row = 0; row < rect.height; row++) {
    const start = (rect.y + row) * r.width + rect.x;
    out.set(r.data.subarray(start, start + rect.width), row * rect.width);
  }
  return out;
}

/** Writes a rectangle copied by `readRect` back. */
export function writeRect(r: IndexRaster, rect: PixelRect, pixels: Uint8Array): void {
  for (let row = 0; row < rect.height; row++) {
    r.data.set(pixels.subarray(row * rect.width, (row + 1) * rect.width), (rect.y + row) * r.width + rect.x);
  }
}

/**
 * Bytes as runs of equal values. Masks are piecewise constant, so a stroke's rectangle of a
 * few megabytes keeps a few kilobytes in history.
 */
export interface RunLength {
  length: number;
  /** Where each run ends (exclusive), ascending. */
  ends: Uint32Array;
  values: Uint8Array;
}

export function runLengthEncode(bytes: Uint8Array): RunLength {
  let runs = 0;
  for (let i = 0; i < bytes.length; i++) if (i === 0 || bytes[i] !== bytes[i - 1]) runs++;
  const ends = new Uint32Array(runs);
  const values = new Uint8Array(runs);
  let r = -1;
  for (let i = 0; i < bytes.length; i++) {
    if (i === 0 || bytes[i] !== bytes[i - 1]) {
      r++;
      values[r] = bytes[i];
    }
    ends[r] = i + 1;
  }
  return { length: bytes.length, ends, values };
}

export function runLengthDecode(rle: RunLength): Uint8Array {
  const out = new Uint8Array(rle.length);
  let start = 0;
  for (let r = 0; r < rle.ends.length; r++) {
    out.fill(rle.values[r], start, rle.ends[r]);
    start = rle.ends[r];
  }
  return out;
}

/** One changed tile of a patch: its rectangle before and after, run-length encoded. */
export interface PatchTile {
  rect: PixelRect;
  before: RunLength;
  after: RunLength;
}

/**
 * One history entry of a mask edit: the dirty rectangles (the 64x64 tiles the gesture changed,
 * not the bounding box of a long diagonal stroke) before and after, run-length encoded.
 */
export interface MaskPatch {
  /** Bounds of all tiles. */
  rect: PixelRect;
  tiles: PatchTile[];
  /** after's unlabeled pixels minus before's, so a running count needs no full scan. */
  unlabeledDelta: number;
}

/** Writes one side of the patch back; returns the rectangles written (to repaint). */
export function applyPatch(r: IndexRaster, patch: MaskPatch, side: "before" | "after"): PixelRect[] {
  for (const t of patch.tiles) writeRect(r, t.rect, runLengthDecode(side === "before" ? t.before : t.after));
  return patch.tiles.map((t) => t.rect);
}

/** Bytes a patch keeps in memory (history budgets). */
export function patchBytes(patch: MaskPatch): number {
  return patch.tiles.reduce((n, t) => n + (t.before.ends.length + t.after.ends.length) * 5, 0);
}

const TILE = 64;

/**
 * Records what a gesture (a brush stroke: many segments) overwrote, so it becomes ONE patch of
 * its dirty rectangle. Before each write the touched 64x64 tiles are copied once; at the end
 * the "before" of the whole rectangle is assembled from those tiles and the unchanged raster.
 */
export class StrokeCapture {
  private readonly tiles = new Map<number, Uint8Array>();
  private readonly cols: number;
  private dirty: PixelRect | null = null;

  constructor(private readonly raster: IndexRaster) {
    this.cols = Math.ceil(raster.width / TILE);
  }

  /** Pass as an operation's `beforeWrite`. */
  readonly beforeWrite: BeforeWrite = (rect) => {
    const r = this.raster;
    for (let ty = Math.floor(rect.y / TILE); ty * TILE < rect.y + rect.height; ty++) {
      for (let tx = Math.floor(rect.x / TILE); tx * TILE < rect.x + rect.width; tx++) {
        const key = ty * this.cols + tx;
        if (this.tiles.has(key)) continue;
        this.tiles.set(key, readRect(r, this.tileRect(tx, ty)));
      }
    }
  };

  /** Adds what an operation reports as changed. */
  add(rect: PixelRect | null): void {
    this.dirty = unionRect(this.dirty, rect);
  }

  get rect(): PixelRect | null {
    return this.dirty;
  }

  private tileRect(tx: number, ty: number): PixelRect {
    const x = tx * TILE;
    const y = ty * TILE;
    return { x, y, width: Math.min(TILE, this.raster.width - x), height: Math.min(TILE, this.raster.height - y) };
  }

  /** The patch of the whole gesture (only the tiles it changed), or null when it changed no pixel. */
  finish(): MaskPatch | null {
    const tiles: PatchTile[] = [];
    let bounds: PixelRect | null = null;
    let delta = 0;
    for (const [key, before] of this.tiles) {
      const rect = this.tileRect(key % this.cols, Math.floor(key / this.cols));
      const after = readRect(this.raster, rect);
      let changed = false;
      for (let i = 0; i < after.length; i++) {
        if (after[i] === before[i]) continue;
        changed = true;
        if (after[i] === 0) delta++;
        else if (before[i] === 0) delta--;
      }
      if (!changed) continue;
      tiles.push({ rect, before: runLengthEncode(before), after: runLengthEncode(after) });
      bounds = unionRect(bounds, rect);
    }
    this.tiles.clear();
    return bounds ? { rect: bounds, tiles, unlabeledDelta: delta } : null;
  }
}
