import { describe, expect, it } from "vitest";
import type { Task, TaskType } from "../../../schema";
import { emptyResponse } from "./empty";
import { pathOf, validateWorkResponse } from "./validate";

// Submit's check is the server's: each type's valid answer passes, each kind of wrong answer is
// reported at the path of the field or object it concerns.

function task(type: TaskType, params: Record<string, unknown>): Task {
  return { task_id: "t1", type, status: "pending", instruction: "", params, urgency: "standard", callback_url: null, created_at: "2026-01-01T00:00:00Z", metadata: {} };
}
const img = "https://example.com/a.png";
const paths = (t: Task, r: unknown) => validateWorkResponse(t, r).map((i) => `${i.path.join("/")}: ${i.message}`);

describe("pathOf", () => {
  it("turns wire paths into response paths", () => {
    expect(pathOf("response.annotations[3].label")).toEqual(["annotations", 3, "label"]);
    expect(pathOf("response.fields.total")).toEqual(["fields", "total"]);
    expect(pathOf("params.categories")).toEqual(["params", "categories"]);
  });
});

describe("validateWorkResponse: image types", () => {
  const box = task("annotation", {
    attachment: img,
    objects_to_annotate: [{ choice: "vehicle", subchoices: ["car"] }, "person"],
    with_labels: true,
    min_width: 5,
    min_height: 5,
    annotation_attributes: { occluded: { type: "category", description: "Occluded?", choices: ["yes", "no"] } },
  });
  const b = (extra: Record<string, unknown>) => ({ left: 1, top: 1, width: 10, height: 10, label: "car", attributes: { occluded: "no" }, ...extra });
  it("accepts a valid box answer and the empty one", () => {
    expect(paths(box, { annotations: [b({})] })).toEqual([]);
    expect(paths(box, emptyResponse(box))).toEqual([]);
  });
  it("names the annotation and field of each rule", () => {
    expect(paths(box, { annotations: [b({}), b({ label: "vehicle" })] })).toEqual(['annotations/1/label: "vehicle" is not a leaf of objects_to_annotate']);
    expect(paths(box, { annotations: [b({ width: 2 })] })).toEqual(["annotations/0/width: 2 is less than min_width 5"]);
    expect(paths(box, { annotations: [b({ attributes: {} })] })).toEqual(["annotations/0/attributes/occluded: is required: its conditions hold for this annotation"]);
  });
  it("reports a wrong wire shape at its path", () => {
    expect(paths(box, { annotations: [b({ width: "wide" })] })).toEqual([expect.stringMatching(/^annotations\/0\/width: /)]);
    expect(paths(box, {})).toEqual(["annotations: is required"]);
  });
  it("checks vertex counts of lines and polygons", () => {
    const poly = task("polygonannotation", { attachment: img, objects_to_annotate: ["roof"], with_labels: true, min_vertices: 4 });
    const v = [{ x: 1, y: 1 }, { x: 9, y: 1 }, { x: 5, y: 8 }];
    expect(paths(poly, { annotations: [{ label: "roof", vertices: v }] })).toEqual(["annotations/0/vertices: has 3 vertices, fewer than min_vertices 4"]);
  });
});

describe("validateWorkResponse: segmentation", () => {
  const seg = task("segmentannotation", { attachment: img, labels: ["road"], instance_labels: [], allow_unlabeled: false });
  const hosted = "http://localhost/files/x.png";
  const answer = (extra: Record<string, unknown> = {}) => ({
    annotations: { unlabeled: null, labeled: { road: hosted }, combined: { image: hosted, indexedImage: hosted } },
    labelMapping: { road: { color: "#ff0000", index: 1 } },
    instances: {},
    ...extra,
  });
  it("has no empty answer: nothing painted yet is one finding", () => {
    expect(emptyResponse(seg)).toBeUndefined();
    expect(paths(seg, undefined)).toEqual([": Nothing painted yet: paint the mask, then submit"]);
  });
  it("accepts a complete mapping and refuses unlabeled pixels when not allowed", () => {
    expect(paths(seg, answer())).toEqual([]);
    const withUnlabeled = answer();
    withUnlabeled.annotations.unlabeled = hosted as unknown as null;
    expect(paths(seg, withUnlabeled)).toEqual(["annotations/unlabeled: must be null when allow_unlabeled is false"]);
    expect(paths(seg, answer({ labelMapping: { road: { color: "#ff0000", index: 0 } } }))).toEqual(["labelMapping/road/index: 0 is kept for unlabeled pixels"]);
  });
});

describe("validateWorkResponse: categorization", () => {
  const single = task("categorization", { attachment_type: "text", attachment: "hello", categories: ["a", "b"], category_ids: { x1: "a", x2: "b" } });
  const multi = task("categorization", { attachment_type: "text", attachment: "hello", categories: ["a", "b"], allow_multiple: true });
  it("starts empty and says a category is required", () => {
    expect(emptyResponse(single)).toEqual({});
    expect(paths(single, undefined)).toEqual(["category: is required"]);
    expect(emptyResponse(multi)).toEqual({ category: [] });
    expect(paths(multi, undefined)).toEqual(["category: must name at least one category"]);
  });
  it("accepts a valid answer, with ids when category_ids are given", () => {
    expect(paths(single, { category: "a", category_id: "x1" })).toEqual([]);
    expect(paths(multi, { category: ["a", "b"] })).toEqual([]);
  });
  it("refuses unknown categories, the wrong arity and wrong ids", () => {
    expect(paths(single, { category: "c" })).toEqual(['category: "c" is not one of categories']);
    expect(paths(single, { category: ["a"] })).toEqual(["category: must be one category (allow_multiple is false)"]);
    expect(paths(single, { category: "a", category_id: "x2" })).toEqual(['category_id: "x2" is not the id of "a" in category_ids']);
    expect(paths(multi, { category: ["a", "a"] })).toEqual(["category: names a category twice"]);
  });
});

describe("validateWorkResponse: comparison", () => {
  const both = task("comparison", { attachment_type: "image", attachments: [img, img], choices: ["left", "right"], fields: { why: "Why?" } });
  it("starts with blank fields and needs a choice", () => {
    expect(emptyResponse(both)).toEqual({ fields: { why: "" } });
    expect(paths(both, undefined)).toEqual(["choice: is required (the task offers choices)"]);
    expect(paths(both, { choice: "left", fields: { why: "sharper" } })).toEqual([]);
  });
  it("refuses an unknown choice and fields not asked for", () => {
    expect(paths(both, { choice: "middle", fields: { why: "" } })).toEqual(['choice: "middle" is not one of choices']);
    expect(paths(both, { choice: "left", fields: { why: "", extra: "x" } })).toEqual(["fields/extra: was not requested"]);
  });
});

describe("validateWorkResponse: transcription", () => {
  const t = task("transcription", {
    attachment_type: "image",
    attachment: img,
    fields: { total: "Total" },
    repeatable_fields: { item: "Item", kind: { description: "Kind", choices: ["food", "other"] } },
  });
  it("starts with blank fields and no rows, and accepts filled rows", () => {
    expect(emptyResponse(t)).toEqual({ fields: { total: "" }, repeatable_fields: [] });
    expect(paths(t, undefined)).toEqual([]);
    expect(paths(t, { fields: { total: "9" }, repeatable_fields: [{ item: "tea", kind: "food" }] })).toEqual([]);
  });
  it("names the row and key of a missing value or a value outside the choices", () => {
    expect(paths(t, { fields: { total: "9" }, repeatable_fields: [{ item: "tea", kind: "food" }, { item: "x", kind: "drink" }] })).toEqual([
      'repeatable_fields/1/kind: "drink" is not one of its choices',
    ]);
    expect(paths(t, { fields: { total: "9" }, repeatable_fields: [{ item: "tea" }] })).toEqual(["repeatable_fields/0/kind: is required"]);
    expect(paths(t, { repeatable_fields: [] })).toEqual(["fields: is required (fields total were requested)"]);
  });
});

describe("validateWorkResponse: audio transcription and data collection", () => {
  const audio = task("audiotranscription", { attachment_type: "audio", attachment: "https://example.com/a.mp3", verbatim: true, phrases: ["Scale"] });
  const data = task("datacollection", { attachment_type: "website", attachment: "https://example.com", fields: { phone: "Phone" } });
  it("audio: a transcript (and a duration, never negative)", () => {
    expect(emptyResponse(audio)).toEqual({ transcript: "" });
    expect(paths(audio, { transcript: "hello", duration: 3.5 })).toEqual([]);
    expect(paths(audio, { transcript: "hello", duration: -1 })).toEqual([expect.stringMatching(/^duration: /)]);
    expect(paths(audio, {})).toEqual(["transcript: is required"]);
  });
  it("data collection: exactly the requested fields", () => {
    expect(emptyResponse(data)).toEqual({ fields: { phone: "" } });
    expect(paths(data, { fields: { phone: "555" } })).toEqual([]);
    expect(paths(data, { fields: {} })).toEqual(["fields/phone: is required"]);
  });
});

describe("a segmentation answer whose latest strokes are still uploading", () => {
  it("is refused by Submit's check but never reaches JSON (drafts keep the uploaded answer)", async () => {
    const { withMasksPending, MASKS_PENDING_MESSAGE } = await import("./maskPending");
    const seg = task("segmentannotation", { attachment: img, labels: ["road"], instance_labels: [], allow_unlabeled: true });
    const hosted = "http://localhost/files/x.png";
    const uploaded = {
      annotations: { unlabeled: null, labeled: { road: hosted }, combined: { image: hosted, indexedImage: hosted } },
      labelMapping: { road: { color: "#ff0000", index: 1 } },
      instances: {},
    };
    expect(paths(seg, uploaded)).toEqual([]);
    const pending = withMasksPending(uploaded);
    expect(paths(seg, pending)).toEqual([`: ${MASKS_PENDING_MESSAGE}`]);
    expect(JSON.parse(JSON.stringify(pending))).toEqual(uploaded);
    expect(structuredClone(pending)).toEqual(uploaded);
  });
});
