import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyPatch,
  countUnlabeled,
  createRaster,
  fillAllUnlabeled,
  fillPolygon,
  fillUnlabeledAt,
  nextUnlabeledRegion,
  patchBytes,
  runLengthDecode,
  runLengthEncode,
  stampSegment,
  StrokeCapture,
  unlabeledBounds,
  unlabeledRegionAt,
  type IndexRaster,
} from "./maskEdit";

const at = (r: IndexRaster, x: number, y: number) => r.data[y * r.width + x];

/** Pixels drawn as text rows, '.' for 0: easy to read in a failing test. */
function picture(r: IndexRaster): string[] {
  const rows: string[] = [];
  for (let y = 0; y < r.height; y++) rows.push(Array.from(r.data.subarray(y * r.width, (y + 1) * r.width), (v) => (v ? String(v) : ".")).join(""));
  return rows;
}

describe("stampSegment", () => {
  it("a click stamps a disc of pixels whose centres are within the radius", () => {
    const r = createRaster(7, 7);
    const rect = stampSegment(r, 3.5, 3.5, 3.5, 3.5, 1.9, 1);
    expect(picture(r)).toEqual([".......", ".......", "..111..", "..111..", "..111..", ".......", "......."]);
    expect(rect).toEqual({ x: 2, y: 2, width: 3, height: 3 });
  });

  it("a horizontal drag covers the band between the ends", () => {
    const r = createRaster(10, 5);
    stampSegment(r, 2.5, 2.5, 7.5, 2.5, 1, 3);
    expect(picture(r)).toEqual(["..........", "..333333..", ".33333333.", "..333333..", ".........."]);
  });

  it("a diagonal drag leaves no gaps along the segment", () => {
    const r = createRaster(40, 40);
    stampSegment(r, 2, 3, 37, 35, 1.5, 2);
    for (let t = 0; t <= 1; t += 0.01) {
      const x = Math.floor(2 + 35 * t);
      const y = Math.floor(3 + 32 * t);
      expect(at(r, x, y)).toBe(2);
    }
  });

  it("clips to the image and reports only the inside", () => {
    const r = createRaster(5, 5);
    const rect = stampSegment(r, -10, 0, 2.5, 0, 1.2, 1);
    // Row 0's centre is 0.5 below the line: the round end reaches x = 2.5 + sqrt(1.2² - 0.5²).
    expect(rect).toEqual({ x: 0, y: 0, width: 4, height: 1 });
    expect(stampSegment(r, -10, -10, -5, -5, 2, 1)).toBeNull();
  });

  it("index 0 erases", () => {
    const r = createRaster(5, 5);
    r.data.fill(4);
    stampSegment(r, 2.5, 2.5, 2.5, 2.5, 0.6, 0);
    expect(countUnlabeled(r)).toBe(1);
    expect(at(r, 2, 2)).toBe(0);
  });

  it("matches the distance definition for random segments", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.double({ min: -3, max: 23, noNaN: true }), fc.double({ min: -3, max: 23, noNaN: true })),
        fc.tuple(fc.double({ min: -3, max: 23, noNaN: true }), fc.double({ min: -3, max: 23, noNaN: true })),
        fc.double({ min: 0.3, max: 6, noNaN: true }),
        ([ax, ay], [bx, by], radius) => {
          const r = createRaster(20, 20);
          const rect = stampSegment(r, ax, ay, bx, by, radius, 1);
          for (let y = 0; y < 20; y++) {
            for (let x = 0; x < 20; x++) {
              const d = distToSegment(x + 0.5, y + 0.5, ax, ay, bx, by);
              // Pixels right at the rim may go either way through rounding.
              if (Math.abs(d - radius) < 1e-6) continue;
              expect(at(r, x, y)).toBe(d < radius ? 1 : 0);
              if (at(r, x, y)) {
                expect(rect).not.toBeNull();
                expect(x >= rect!.x && x < rect!.x + rect!.width && y >= rect!.y && y < rect!.y + rect!.height).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

describe("fillPolygon", () => {
  it("fills the pixels whose centres are inside", () => {
    const r = createRaster(6, 6);
    const rect = fillPolygon(r, [1, 1, 5, 1, 5, 4, 1, 4], 2);
    expect(picture(r)).toEqual(["......", ".2222.", ".2222.", ".2222.", "......", "......"]);
    expect(rect).toEqual({ x: 1, y: 1, width: 4, height: 3 });
  });

  it("uses the even-odd rule for a self-crossing outline and fills a triangle's slope", () => {
    const r = createRaster(8, 8);
    fillPolygon(r, [0, 0, 8, 0, 0, 8], 1);
    expect(picture(r)).toEqual(["1111111.", "111111..", "11111...", "1111....", "111.....", "11......", "1.......", "........"]);
  });

  it("refuses fewer than three vertices and non-finite coordinates", () => {
    const r = createRaster(4, 4);
    expect(fillPolygon(r, [0, 0, 3, 3], 1)).toBeNull();
    expect(fillPolygon(r, [0, 0, 3, NaN, 1, 2], 1)).toBeNull();
    expect(countUnlabeled(r)).toBe(16);
  });
});

describe("unlabeled fills", () => {
  it("fills only the connected unlabeled region under the point", () => {
    const r = createRaster(7, 5);
    // A wall of 1s at column 3 splits the image in two.
    for (let y = 0; y < 5; y++) r.data[y * 7 + 3] = 1;
    const rect = fillUnlabeledAt(r, 1, 2, 5);
    expect(picture(r)).toEqual(["5551...", "5551...", "5551...", "5551...", "5551..."]);
    expect(rect).toEqual({ x: 0, y: 0, width: 3, height: 5 });
    expect(fillUnlabeledAt(r, 3, 0, 5)).toBeNull(); // on a labelled pixel
    expect(fillUnlabeledAt(r, 99, 0, 5)).toBeNull(); // outside
  });

  it("follows a winding unlabeled corridor (4-connected, not through diagonals)", () => {
    const r = createRaster(5, 5);
    const rows = ["..1..", "1.1.1", "1...1", "11111", "....."];
    rows.forEach((row, y) => [...row].forEach((c, x) => (r.data[y * 5 + x] = c === "1" ? 1 : 0)));
    fillUnlabeledAt(r, 1, 0, 7);
    expect(picture(r)).toEqual(["77177", "17171", "17771", "11111", "....."]);
    // Diagonal neighbours are not connected.
    const d = createRaster(2, 2);
    d.data.set([0, 1, 1, 0]);
    expect(fillUnlabeledAt(d, 0, 0, 8)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
    expect(Array.from(d.data)).toEqual([8, 1, 1, 0]);
  });

  it("fill all unlabeled labels every 0 pixel and nothing else", () => {
    const r = createRaster(4, 3);
    r.data.set([1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1]);
    expect(unlabeledBounds(r)).toEqual({ x: 1, y: 0, width: 2, height: 3 });
    fillAllUnlabeled(r, 9);
    expect(Array.from(r.data)).toEqual([1, 9, 1, 1, 1, 1, 1, 1, 1, 1, 9, 1]);
    expect(fillAllUnlabeled(r, 9)).toBeNull();
    expect(unlabeledBounds(r)).toBeNull();
  });
});

describe("run-length patches", () => {
  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const rle = runLengthEncode(bytes);
        expect(runLengthDecode(rle)).toEqual(bytes);
      }),
    );
  });

  it("keeps a big uniform stroke small", () => {
    const r = createRaster(1000, 1000);
    const capture = new StrokeCapture(r);
    capture.add(stampSegment(r, 0, 500, 1000, 500, 200, 3, capture.beforeWrite));
    const patch = capture.finish()!;
    expect(patch.tiles.reduce((n, t) => n + t.rect.width * t.rect.height, 0)).toBeGreaterThan(300_000);
    expect(patchBytes(patch)).toBeLessThan(30_000);
  });
});

describe("StrokeCapture", () => {
  it("turns a multi-segment stroke into one patch whose undo restores the dirty rectangle", () => {
    const r = createRaster(300, 200);
    for (let i = 0; i < r.data.length; i++) r.data[i] = i % 3; // something to restore
    const original = r.data.slice();
    const capture = new StrokeCapture(r);
    const path = [10, 10, 80, 40, 150, 150, 290, 190];
    for (let i = 0; i + 3 < path.length; i += 2) {
      capture.add(stampSegment(r, path[i], path[i + 1], path[i + 2], path[i + 3], 12, 4, capture.beforeWrite));
    }
    const patch = capture.finish();
    expect(patch).not.toBeNull();
    const drawn = r.data.slice();
    expect(patch!.unlabeledDelta).toBe(countUnlabeled(r) - countUnlabeled({ ...r, data: original }));
    applyPatch(r, patch!, "before");
    expect(r.data).toEqual(original);
    applyPatch(r, patch!, "after");
    expect(r.data).toEqual(drawn);
    // The patch keeps only the tiles the stroke changed: far less than its bounding box.
    const kept = patch!.tiles.reduce((n, t) => n + t.rect.width * t.rect.height, 0);
    expect(kept).toBeLessThan(patch!.rect.width * patch!.rect.height);
    for (const t of patch!.tiles) expect(t.before.length).toBe(t.rect.width * t.rect.height);
  });

  it("gives no patch for a stroke that changed nothing", () => {
    const r = createRaster(20, 20);
    r.data.fill(2);
    const capture = new StrokeCapture(r);
    capture.add(stampSegment(r, 5, 5, 15, 15, 3, 2, capture.beforeWrite));
    expect(capture.finish()).toBeNull();
  });
});

describe("unlabeled regions", () => {
  it("walks the unlabeled regions in reading order, wrapping around", () => {
    const r = createRaster(6, 4);
    r.data.fill(1);
    // Two regions: a 2x2 block at the top left and a single pixel at the bottom right.
    for (const [x, y] of [[0, 0], [1, 0], [0, 1], [1, 1], [5, 3]]) r.data[y * 6 + x] = 0;
    const first = nextUnlabeledRegion(r, -1)!;
    expect(first.rect).toEqual({ x: 0, y: 0, width: 2, height: 2 });
    expect(first.end).toBe(1 * 6 + 1);
    const second = nextUnlabeledRegion(r, first.end)!;
    expect(second.rect).toEqual({ x: 5, y: 3, width: 1, height: 1 });
    expect(nextUnlabeledRegion(r, second.end)!.rect).toEqual(first.rect);
    r.data.fill(1);
    expect(nextUnlabeledRegion(r, -1)).toBeNull();
    expect(unlabeledRegionAt(r, 0, 0)).toBeNull();
  });
});
