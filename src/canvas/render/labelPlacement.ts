/**
 * Greedy placement of label tags in screen space, so tags never cover each other: each tag tries
 * a few spots around its anchor (above it, inside below it, then stacked further up or down) and
 * takes the first that is free and on screen; a tag with no free spot is skipped (hovering the
 * object still names it in the tooltip). Tags are placed in the order given, so callers put the
 * ones that matter most (responses before layers) first.
 */

export interface TagRequest {
  /** The anchor in screen pixels: the tag's preferred bottom-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedTag {
  x: number;
  y: number;
}

const CELL = 64;

/** Rectangles already placed, bucketed on a coarse grid so a lookup only scans neighbours. */
class Occupancy {
  private readonly cells = new Map<number, number[]>();
  private readonly rects: number[] = [];

  private *cellKeys(x: number, y: number, w: number, h: number): Generator<number> {
    for (let cy = Math.floor(y / CELL); cy <= Math.floor((y + h) / CELL); cy++) {
      for (let cx = Math.floor(x / CELL); cx <= Math.floor((x + w) / CELL); cx++) yield cy * 100_003 + cx;
    }
  }

  collides(x: number, y: number, w: number, h: number): boolean {
    for (const key of this.cellKeys(x, y, w, h)) {
      for (const i of this.cells.get(key) ?? []) {
        const r = this.rects;
        if (x < r[i] + r[i + 2] && r[i] < x + w && y < r[i + 1] + r[i + 3] && r[i + 1] < y + h) return true;
      }
    }
    return false;
  }

  add(x: number, y: number, w: number, h: number): void {
    const i = this.rects.length;
    this.rects.push(x, y, w, h);
    for (const key of this.cellKeys(x, y, w, h)) {
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
    }
  }
}

/** Where each tag goes (its top-left corner), or null when it has no free spot. */
export function placeTags(tags: readonly TagRequest[], viewport: { width: number; height: number }, gap = 1): (PlacedTag | null)[] {
  const taken = new Occupancy();
  return tags.map(({ x, y, width: w, height: h }) => {
    // Above the anchor, inside below it, then further up and down, then left-aligned to the anchor.
    const candidates: [number, number][] = [
      [x, y - h],
      [x, y],
      [x, y - 2 * h - gap],
      [x, y + h + gap],
      [x - w, y - h],
      [x, y - 3 * h - 2 * gap],
      [x, y + 2 * h + 2 * gap],
    ];
    for (const [cx, cy] of candidates) {
      // Keep tags on screen: a tag pushed past an edge slides back in.
      const px = Math.min(Math.max(cx, 0), Math.max(0, viewport.width - w));
      const py = Math.min(Math.max(cy, 0), Math.max(0, viewport.height - h));
      if (!taken.collides(px - gap, py - gap, w + 2 * gap, h + 2 * gap)) {
        taken.add(px, py, w, h);
        return { x: px, y: py };
      }
    }
    return null;
  });
}
