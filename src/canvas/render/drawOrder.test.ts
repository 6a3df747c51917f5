import { describe, expect, it } from "vitest";
import type { SceneObject } from "../scene/types";
import { bucketOrder, hashId, inDrawOrder, LabelOrder, RUN_BUCKETS } from "./drawOrder";

function box(id: string, label: string): SceneObject {
  return { id, kind: "box", source: "response", label, attributes: {}, bounds: { minX: 0, minY: 0, maxX: 1, maxY: 1 }, box: { left: 0, top: 0, width: 1, height: 1 } };
}

const labelsOf = ["car", "bus", "bike"];
const objects = Array.from({ length: 300 }, (_, i) => box(`response:box:${i}`, labelsOf[(i * 7) % 3]));

function drawSequence(list: SceneObject[], positions: number[], labels: LabelOrder): string[] {
  const order = bucketOrder(list, labels);
  return [...inDrawOrder(positions, order)].map((i) => list[i].id);
}

describe("draw order", () => {
  it("hashes ids stably", () => {
    expect(hashId("response:box:1")).toBe(hashId("response:box:1"));
    expect(hashId("a")).not.toBe(hashId("b"));
  });

  it("is the same for any subset (a dirty rectangle's candidates) as in the full draw", () => {
    const labels = new LabelOrder(labelsOf);
    const all = drawSequence(objects, objects.map((_, i) => i), labels);
    // The spatial index returns candidates in any order: the draw order doesn't follow it.
    const subset = [250, 3, 77, 12, 199, 4, 5];
    const part = drawSequence(objects, subset, labels);
    expect(part).toEqual(all.filter((id) => part.includes(id)));
    expect(drawSequence(objects, [...subset].reverse(), labels)).toEqual(part);
  });

  it("draws by label rank, then run, and a run is one label", () => {
    const labels = new LabelOrder(labelsOf);
    const order = bucketOrder(objects, labels);
    let lastKey = -1;
    for (let r = 0; r < objects.length; r++) {
      const i = order.atRank[r];
      expect(order.rankOf[i]).toBe(r);
      expect(order.runOf[i]).toBeGreaterThanOrEqual(lastKey);
      lastKey = order.runOf[i];
      expect(Math.floor(order.runOf[i] / RUN_BUCKETS)).toBe(labels.rank(objects[i].label));
    }
  });

  it("keeps the other objects' order and runs when one is removed, added or relabelled", () => {
    const labels = new LabelOrder(labelsOf);
    const before = drawSequence(objects, objects.map((_, i) => i), labels);
    const runsBefore = bucketOrder(objects, labels).runOf;
    const removed = objects.filter((_, i) => i !== 42);
    const added = [...objects.slice(0, 10), box("edit:new", "tram"), ...objects.slice(10)];
    const relabelled = objects.map((o, i) => (i === 7 ? { ...o, label: "tram" } : o));
    for (const list of [removed, added, relabelled]) {
      const after = drawSequence(list, list.map((_, i) => i), labels);
      const others = (ids: string[]) => ids.filter((id) => id !== "response:box:42" && id !== "edit:new" && id !== "response:box:7");
      expect(others(after)).toEqual(others(before));
      const runsAfter = bucketOrder(list, labels).runOf;
      list.forEach((o, i) => {
        const j = objects.findIndex((p) => p.id === o.id);
        if (j >= 0 && o.label === objects[j].label) expect(runsAfter[i]).toBe(runsBefore[j]);
      });
    }
  });

  it("gives a new label the next rank and never renumbers", () => {
    const labels = new LabelOrder(["a", "b"]);
    expect(labels.rank("b")).toBe(1);
    expect(labels.rank("z")).toBe(2);
    expect(labels.rank("a")).toBe(0);
  });
});
