import RBush from "rbush";
import { rectArea, type Rect } from "./rect";

interface Entry extends Rect {
  id: number;
}

/**
 * An rbush over object bounds, keyed by a caller's integer id. Used both for culling (what is in
 * the viewport) and for hit testing (which objects could be under the cursor), so neither needs
 * Konva's hit canvas.
 */
export class SpatialIndex {
  private readonly tree = new RBush<Entry>();

  constructor(bounds: ReadonlyArray<Rect> = []) {
    // Bulk loading is several times faster than inserting one by one and gives a better tree.
    this.tree.load(bounds.map((b, id) => ({ minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY, id })));
  }

  /** Ids whose bounds intersect `rect`. */
  search(rect: Rect): number[] {
    return this.tree.search(rect).map((e) => e.id);
  }

  /**
   * The best hit at (x, y): candidates are those whose bounds are within `tolerance`, `hit`
   * decides exactly, and the smallest bounds win so that small objects inside large ones stay
   * reachable.
   */
  pick(x: number, y: number, tolerance: number, hit: (id: number) => boolean): number | null {
    const candidates = this.tree.search({ minX: x - tolerance, minY: y - tolerance, maxX: x + tolerance, maxY: y + tolerance });
    let best: Entry | null = null;
    let bestArea = Infinity;
    for (const c of candidates) {
      const area = rectArea(c);
      if (area < bestArea || (area === bestArea && best !== null && c.id > best.id)) {
        if (hit(c.id)) {
          best = c;
          bestArea = area;
        }
      }
    }
    return best ? best.id : null;
  }

  get size(): number {
    return this.tree.all().length;
  }
}
