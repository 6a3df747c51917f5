import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { validateResponse } from "./validate-response";
import { encodeCombined, encodeIndexed } from "../files/masks";

// The rules beyond the zod shapes, one violation at a time, with the messages the API answers.

const canvas = { width: 100, height: 80 };
const boxParams = {
  attachment: "https://example.com/a.png",
  objects_to_annotate: [{ choice: "vehicle", subchoices: ["car", "bike"] }, "person"],
  with_labels: true,
  min_width: 5,
  min_height: 5,
  annotation_attributes: {
    occluded: { type: "category", description: "Occluded?", choices: ["yes", "no"] },
    wheels: { type: "number", description: "Wheels", min: 0, max: 4, conditions: { label_condition: { label: "car" }, attribute_conditions: { occluded: "no" } } },
  },
};
const box = (extra: Record<string, unknown>) => ({ left: 1, top: 1, width: 10, height: 10, label: "car", attributes: { occluded: "yes" }, ...extra });

function errors(type: Parameters<typeof validateResponse>[0], params: unknown, response: unknown, ctx = {}) {
  const r = validateResponse(type, params, response, { canvas, ...ctx });
  return r.ok ? [] : r.errors;
}

describe("validateResponse", () => {
  it("accepts a valid box answer", () => {
    expect(errors("annotation", boxParams, { annotations: [box({}), box({ label: "car", attributes: { occluded: "no", wheels: 4 } })] })).toEqual([]);
  });

  it("names the annotation and the rule", () => {
    const answers = [box({}), box({}), box({}), box({ label: "vehicle" })];
    expect(errors("annotation", boxParams, { annotations: answers })).toEqual(['response.annotations[3].label: "vehicle" is not a leaf of objects_to_annotate']);
    expect(errors("annotation", boxParams, { annotations: [box({ label: undefined })] })).toEqual(["response.annotations[0].label: is required (with_labels is true)"]);
    expect(errors("annotation", boxParams, { annotations: [box({ width: 3 })] })).toEqual(["response.annotations[0].width: 3 is less than min_width 5"]);
    expect(errors("annotation", boxParams, { annotations: [box({ left: 95 })] })).toEqual(["response.annotations[0]: lies outside the 100x80 image"]);
  });

  it("checks attribute conditions both ways", () => {
    expect(errors("annotation", boxParams, { annotations: [box({ attributes: { occluded: "no" } })] })).toEqual([
      "response.annotations[0].attributes.wheels: is required: its conditions hold for this annotation",
    ]);
    expect(errors("annotation", boxParams, { annotations: [box({ label: "bike", attributes: { occluded: "no", wheels: 2 } })] })).toEqual([
      "response.annotations[0].attributes.wheels: must be left out: its conditions do not hold for this annotation",
    ]);
    expect(errors("annotation", boxParams, { annotations: [box({ attributes: { occluded: "maybe" } })] })[0]).toMatch(/occluded: "maybe" is not one of its choices/);
    expect(errors("annotation", boxParams, { annotations: [box({ attributes: { occluded: "no", wheels: 9 } })] })).toEqual(["response.annotations[0].attributes.wheels: 9 is above its max 4"]);
    expect(errors("annotation", boxParams, { annotations: [box({ attributes: { occluded: "yes", colour: "red" } })] })).toEqual([
      "response.annotations[0].attributes.colour: is not one of annotation_attributes",
    ]);
  });

  it("reports shape errors like the create endpoint does", () => {
    expect(errors("annotation", boxParams, { annotations: [{ left: 1 }] })[0]).toMatch(/^response\.annotations\[0\]\.top: is required/);
  });

  it("checks vertex counts", () => {
    const p = { attachment: "https://e.com/a.png", objects_to_annotate: ["road"], min_vertices: 3, max_vertices: 4 };
    const v = (n: number) => ({ vertices: Array.from({ length: n }, (_, i) => ({ x: i, y: i })) });
    expect(errors("polygonannotation", p, { annotations: [v(3), v(4)] })).toEqual([]);
    expect(errors("polygonannotation", p, { annotations: [v(2)] })).toEqual(["response.annotations[0].vertices: has 2 vertices, fewer than min_vertices 3"]);
    expect(errors("lineannotation", p, { annotations: [v(5)] })).toEqual(["response.annotations[0].vertices: has 5 vertices, more than max_vertices 4"]);
  });

  it("checks cuboid vertices, edges and counts", () => {
    const p = { attachment: "https://e.com/a.png", objects_to_annotate: ["box"], max_annotations: 1 };
    const vertex = (x: number, y: number, description: string) => ({ x, y, type: "vertex", description });
    const face = [vertex(10, 10, "face-topleft"), vertex(10, 40, "face-bottomleft"), vertex(50, 10, "face-topright"), vertex(50, 40, "face-bottomright")];
    const good = { vertices: face, edges: [{ x1: 10, y1: 10, x2: 50, y2: 10, type: "edge", description: "face-top" }] };
    expect(errors("cuboidannotation", p, { annotations: [good] })).toEqual([]);
    const wrongEdge = { vertices: face, edges: [{ x1: 10, y1: 10, x2: 50, y2: 40, type: "edge", description: "face-top" }] };
    expect(errors("cuboidannotation", p, { annotations: [wrongEdge] })).toEqual([
      'response.annotations[0].edges[0]: "face-top" does not join the vertices face-topleft and face-topright',
    ]);
    expect(errors("cuboidannotation", p, { annotations: [good, good] })).toEqual(["response.annotations: has 2 cuboids, more than max_annotations 1"]);
    expect(errors("cuboidannotation", p, { annotations: [{ vertices: face.slice(1), edges: [] }] })).toEqual([
      'response.annotations[0].vertices: the face vertex "face-topleft" is missing',
    ]);
  });

  it("checks categorization against allow_multiple and category_ids", () => {
    const p = { attachment_type: "text", attachment: "x", categories: ["a", "b"], category_ids: { "1": "a" } };
    expect(errors("categorization", p, { category: "a", category_id: "1" })).toEqual([]);
    expect(errors("categorization", p, { category: "c" })).toEqual(['response.category: "c" is not one of categories']);
    expect(errors("categorization", p, { category: ["a"] })).toEqual(["response.category: must be one category (allow_multiple is false)"]);
    expect(errors("categorization", p, { category: "b", category_id: "1" })).toEqual(['response.category_id: "1" is not the id of "b" in category_ids']);
  });

  it("checks requested fields and choices", () => {
    const p = { attachment_type: "text", attachments: ["x"], choices: ["yes", "no"], fields: { why: "Why?" } };
    expect(errors("comparison", p, { choice: "yes", fields: { why: "because" } })).toEqual([]);
    expect(errors("comparison", p, { choice: "maybe", fields: { why: "x", extra: "y" } })).toEqual([
      'response.choice: "maybe" is not one of choices',
      "response.fields.extra: was not requested",
    ]);
    const t = { attachment_type: "text", attachment: "x", repeatable_fields: { item: { description: "Item", choices: ["a"] } } };
    expect(errors("transcription", t, { repeatable_fields: [{ item: "b" }] })).toEqual(['response.repeatable_fields[0].item: "b" is not one of its choices']);
  });

  it("checks segmentation mappings and, for hosted masks, their pixels", () => {
    const p = { attachment: "https://e.com/a.png", labels: ["sky", "road"], instance_labels: ["car"] };
    const size = { width: 4, height: 2 };
    const indices = Uint8Array.from([1, 1, 2, 2, 1, 3, 2, 2]);
    const colours = new Map<number, [number, number, number]>([[1, [0, 0, 255]], [2, [128, 128, 128]], [3, [255, 0, 0]]]);
    const files = new Map([
      ["http://h/files/i.png", encodeIndexed(4, 2, indices)],
      ["http://h/files/c.png", encodeCombined(4, 2, indices, colours)],
    ]);
    const response = {
      annotations: {
        unlabeled: null,
        labeled: { sky: "http://h/files/s.png", road: "http://h/files/r.png", car: ["http://h/files/c0.png"] },
        combined: { image: "http://h/files/c.png", indexedImage: "http://h/files/i.png" },
      },
      labelMapping: { sky: { color: "#0000ff", index: 1 }, road: { color: "#808080", index: 2 }, car: [{ color: "#ff0000", index: 3 }] },
    };
    const ctx = { canvas: size, readMask: (u: string) => files.get(u) ?? null };
    expect(errors("segmentannotation", p, response, ctx)).toEqual([]);
    const bad = structuredClone(response);
    bad.labelMapping.car = [{ color: "#ff0000", index: 2 }];
    expect(errors("segmentannotation", p, bad, ctx)).toEqual(["response.labelMapping.car[0].index: 2 is used twice"]);
    files.set("http://h/files/i.png", encodeIndexed(4, 2, Uint8Array.from([1, 1, 2, 2, 0, 3, 2, 2])));
    expect(errors("segmentannotation", p, response, ctx)).toEqual(["response.annotations.combined.indexedImage: pixel (0, 1) is unlabeled but allow_unlabeled is false"]);
    const tiny = new PNG({ width: 2, height: 2 });
    files.set("http://h/files/i.png", PNG.sync.write(tiny));
    expect(errors("segmentannotation", p, response, ctx)).toEqual(["response.annotations.combined.indexedImage: is 2x2, not the image's 4x2"]);
  });
});
