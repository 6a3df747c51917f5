import { SpatialIndex, type Rect } from "../../geometry";
import { KIND_ORDER, kindOf } from "../kinds";
import type { KindName, SceneObject } from "./types";

/**
 * The last bucket built per kind. The editor builds a new scene at every commit, and usually only
 * one kind changed: the others (e.g. 10,000 read-only layer boxes) keep their tree and their
 * objects list, so neither the tree nor anything cached per list (draw order, label candidates)
 * is rebuilt. Buckets are immutable, so sharing one between indexes is safe.
 */
const recentBuckets = new Map<KindName, KindBucket>();

function sameObjects(a: readonly SceneObject[], b: readonly SceneObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One kind's objects with their spatial index; ids in the index are positions in `objects`. */
export interface KindBucket {
  objects: SceneObject[];
  index: SpatialIndex;
  byId: ReadonlyMap<string, SceneObject>;
  labels: ReadonlySet<string>;
}

function makeBucket(objects: SceneObject[]): KindBucket {
  return {
    objects,
    index: new SpatialIndex(objects.map((o) => o.bounds)),
    byId: new Map(objects.map((o) => [o.id, o])),
    labels: new Set(objects.map((o) => o.label)),
  };
}

/** Lookups by id, answered by the kinds' own maps (so an unchanged kind's map is reused too). */
export interface IdLookup {
  get(id: string): SceneObject | undefined;
  has(id: string): boolean;
}

/**
 * The scene prepared for drawing and picking: a spatial index per kind (each static Shape culls
 * its own kind) and lookups by id. Built once per scene, never per frame.
 */
export class SceneIndex {
  readonly buckets: ReadonlyMap<KindName, KindBucket>;
  readonly byId: IdLookup;
  readonly labels: readonly string[];

  constructor(readonly objects: readonly SceneObject[]) {
    const grouped = new Map<KindName, SceneObject[]>();
    for (const o of objects) {
      const g = grouped.get(o.kind);
      if (g) g.push(o);
      else grouped.set(o.kind, [o]);
    }
    const buckets = new Map<KindName, KindBucket>();
    for (const [kind, list] of grouped) {
      const recent = recentBuckets.get(kind);
      const bucket = recent && sameObjects(recent.objects, list) ? recent : makeBucket(list);
      recentBuckets.set(kind, bucket);
      buckets.set(kind, bucket);
    }
    this.buckets = buckets;
    const maps = [...buckets.values()].map((b) => b.byId);
    this.byId = {
      get(id) {
        for (const m of maps) {
          const o = m.get(id);
          if (o) return o;
        }
        return undefined;
      },
      has: (id) => maps.some((m) => m.has(id)),
    };
    this.labels = [...new Set([...buckets.values()].flatMap((b) => [...b.labels]))].sort();
  }

  /** Objects of `kind` whose bounds meet `rect`. */
  visible(kind: KindName, rect: Rect): SceneObject[] {
    const b = this.buckets.get(kind);
    if (!b) return [];
    return b.index.search(rect).map((i) => b.objects[i]);
  }

  /**
   * The response object under (x, y) in image pixels. Layers are never selectable; among kinds,
   * the one drawn on top wins, and within a kind the smallest.
   */
  pick(x: number, y: number, tolerance: number, isVisible: (o: SceneObject) => boolean): SceneObject | null {
    for (let k = KIND_ORDER.length - 1; k >= 0; k--) {
      const b = this.buckets.get(KIND_ORDER[k]);
      if (!b) continue;
      const def = kindOf(KIND_ORDER[k]);
      const id = b.index.pick(x, y, tolerance, (i) => {
        const o = b.objects[i];
        return o.source === "response" && isVisible(o) && def.hitTest(o, x, y, tolerance);
      });
      if (id !== null) return b.objects[id];
    }
    return null;
  }

  kindsPresent(): KindName[] {
    return KIND_ORDER.filter((k) => this.buckets.has(k));
  }
}
