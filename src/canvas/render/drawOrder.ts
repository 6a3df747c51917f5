import type { SceneObject } from "../scene/types";

// The static layer's draw order, fixed per object rather than per query, so that redrawing only
// a dirty rectangle paints exactly the pixels a full redraw would. Within a kind, objects are
// drawn by label (each label keeps the rank it first got), then by a run chosen from a hash of
// the object's id, then by position. A run (same label, same hash bucket) is one batch, i.e. one
// path for the kinds that fill a path: overlapping objects in one path combine (even-odd holes,
// one alpha), so which objects share a path must not depend on what else happens to be drawn,
// nor on the spatial index's search order (which changes when the index is rebuilt).

/** Runs per label: small enough batches that long paths don't rasterise slowly. */
export const RUN_BUCKETS = 32;

/** FNV-1a, 32 bits: a stable spread of ids over the runs. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Label ranks that never change once given: a relabelled object or a new label must not reorder
 * the other labels' batches (that would change pixels far from the edit).
 */
export class LabelOrder {
  private readonly ranks = new Map<string, number>();

  constructor(initial: readonly string[] = []) {
    for (const label of initial) this.rank(label);
  }

  rank(label: string): number {
    let r = this.ranks.get(label);
    if (r === undefined) {
      r = this.ranks.size;
      this.ranks.set(label, r);
    }
    return r;
  }
}

/** One kind's objects in draw order. */
export interface BucketOrder {
  /** Draw rank of the object at each position. */
  rankOf: Uint32Array;
  /** Position of the object at each rank. */
  atRank: Uint32Array;
  /** Run key per position: objects with equal keys drawn next to each other form one batch. */
  runOf: Float64Array;
}

export function bucketOrder(objects: readonly SceneObject[], labels: LabelOrder): BucketOrder {
  const n = objects.length;
  const runOf = new Float64Array(n);
  // key * 2^22 + position: exact in a double for up to 4M objects and 2^30 run keys.
  const sortKeys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = objects[i];
    runOf[i] = labels.rank(o.label) * RUN_BUCKETS + (hashId(o.id) % RUN_BUCKETS);
    sortKeys[i] = runOf[i] * 4_194_304 + i;
  }
  sortKeys.sort();
  const atRank = new Uint32Array(n);
  const rankOf = new Uint32Array(n);
  for (let r = 0; r < n; r++) {
    const i = sortKeys[r] % 4_194_304;
    atRank[r] = i;
    rankOf[i] = r;
  }
  return { rankOf, atRank, runOf };
}

/** Positions (e.g. a spatial index's search result) sorted into draw order. */
export function inDrawOrder(positions: readonly number[], order: BucketOrder): Uint32Array {
  const ranks = new Uint32Array(positions.length);
  for (let i = 0; i < positions.length; i++) ranks[i] = order.rankOf[positions[i]];
  ranks.sort();
  for (let i = 0; i < ranks.length; i++) ranks[i] = order.atRank[ranks[i]];
  return ranks;
}
