import { describe, expect, it } from "vitest";
import { makeObject } from "./document";
import { editorParams } from "./params";
import type { EditableTaskType, EditObject } from "./types";
import { validateDocument } from "./validation";

// The validation view's findings for every vector kind: each names the object it is about (so
// the list can zoom to it), for the rules the server applies (too small, too few vertices,
// missing label, missing attribute). Unlabeled pixels are segmentation's, checked by its panel
// (mask/session.test.ts, e2e/edit-mask.spec.ts).

function params(type: EditableTaskType, extra: Record<string, unknown> = {}) {
  const p = editorParams(type, { attachment: "https://example.test/a.png", objects_to_annotate: ["car", "person"], with_labels: true, ...extra });
  if (!p.ok) throw new Error(p.error);
  return { ...p.params, image: { width: 1000, height: 800 } };
}

function findings(type: EditableTaskType, objects: EditObject[], extra: Record<string, unknown> = {}) {
  const v = validateDocument(params(type, extra), { objects });
  return { v, about: (o: EditObject) => v.issues.filter((i) => i.objectId === o.id).map((i) => `${i.path.replace(/^response\.annotations\[\d+\]\.?/, "")} ${i.message}`) };
}

describe("the validation view", () => {
  it("box: too small and missing label, each on its object", () => {
    const ok = makeObject("box", { left: 10, top: 10, width: 50, height: 50, label: "car" });
    const small = makeObject("box", { left: 100, top: 10, width: 5, height: 50, label: "car" });
    const unlabeled = makeObject("box", { left: 200, top: 10, width: 50, height: 50 });
    const { v, about } = findings("annotation", [ok, small, unlabeled], { min_width: 20, min_height: 20 });
    expect(v.ok).toBe(false);
    expect(about(ok)).toEqual([]);
    expect(about(small).join()).toMatch(/width/);
    expect(about(unlabeled).join()).toMatch(/label/);
    expect([...v.objectIds].sort()).toEqual([small.id, unlabeled.id].sort());
  });

  it("point, line, polygon and cuboid: missing labels and too few vertices", () => {
    const point = makeObject("point", { x: 5, y: 5 });
    expect(findings("pointannotation", [point]).about(point).join()).toMatch(/label/);
    const line = makeObject("line", { vertices: [{ x: 1, y: 1 }, { x: 9, y: 9 }], label: "car" });
    expect(findings("lineannotation", [line], { min_vertices: 3 }).about(line).join()).toMatch(/vertices/);
    const polygon = makeObject("polygon", { vertices: [{ x: 1, y: 1 }, { x: 9, y: 1 }, { x: 9, y: 9 }], label: "car" });
    expect(findings("polygonannotation", [polygon], { min_vertices: 4 }).about(polygon).join()).toMatch(/vertices/);
    const good = findings("polygonannotation", [polygon]);
    expect(good.v.ok).toBe(true);
  });

  it("a missing required attribute is reported on its object", () => {
    const attrs = { annotation_attributes: { occluded: { type: "category", description: "Occluded?", choices: ["no", "yes"] } } };
    const box = makeObject("box", { left: 10, top: 10, width: 50, height: 50, label: "car" });
    expect(findings("annotation", [box], attrs).about(box).join()).toMatch(/occluded/);
  });
});
