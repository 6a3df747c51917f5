import { SpatialIndex, type Rect } from "../../geometry";
import { KIND_ORDER, kindOf } from "../kinds";
import type { KindName, SceneObject } from "./types";

/** One kind's objects with their spatial index; ids in the index are positions in `objects`. */
export interface KindBucket {
  objects: SceneObject[];
  index: SpatialIndex;
}

/**
 * The scene prepared for drawing and picking: a spatial index per kind (each static Shape culls
 * its own kind) and lookups by id. Built once per scene, never per frame.
 */
export class SceneIndex {
  readonly buckets: ReadonlyMap<KindName, KindBucket>;
  readonly byId: ReadonlyMap<string, SceneObject>;
  readonly labels: readonly string[];

  constructor(readonly objects: readonly SceneObject[]) {
    const grouped = new Map<KindName, SceneObject[]>();
    for (const o of objects) {
      const g = grouped.get(o.kind);
      if (g) g.push(o);
      else grouped.set(o.kind, [o]);
    }
    const buckets = new Map<KindName, KindBucket>();
    for (const [kind, list] of grouped) buckets.set(kind, { objects: list, index: new SpatialIndex(list.map((o) => o.bounds)) });
    this.buckets = buckets;
    this.byId = new Map(objects.map((o) => [o.id, o]));
    this.labels = [...new Set(objects.map((o) => o.label))].sort();
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
