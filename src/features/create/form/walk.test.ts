import { describe, expect, it } from "vitest";
import { TASK_CREATE_FIELDS, TASK_TYPES, taskTypeRegistry } from "../../../schema";
import { fieldsOf, type FieldSpec } from "./walk";

const byName = (fields: FieldSpec[], name: string) => {
  const f = fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};

describe("fieldsOf (the schema walker)", () => {
  it.each(TASK_TYPES)("finds every param and task field of %s, each titled", (type) => {
    const fields = fieldsOf(type);
    const params = taskTypeRegistry[type].params as unknown as { _zod: { def: { shape?: object; in?: { _zod: { def: { shape?: object } } } } } };
    const shape = params._zod.def.shape ?? params._zod.def.in?._zod.def.shape ?? {};
    expect(fields.map((f) => f.name).sort()).toEqual([...Object.keys(shape), ...TASK_CREATE_FIELDS].sort());
    for (const f of fields) {
      expect(f.title.length).toBeGreaterThan(0);
      expect(f.kind).not.toBe("unknown");
    }
  });

  it("reads defaults, required markers and numeric limits", () => {
    const box = fieldsOf("annotation");
    expect(byName(box, "attachment")).toMatchObject({ kind: "string", required: true });
    expect(byName(box, "with_labels")).toMatchObject({ kind: "boolean", required: false, defaultValue: false });
    expect(byName(box, "min_width")).toMatchObject({ kind: "integer", min: 0, defaultValue: 0, required: false });
    expect(byName(box, "attachment_type")).toMatchObject({ kind: "enum", options: ["image"], defaultValue: "image" });
    expect(byName(box, "urgency")).toMatchObject({ kind: "enum", options: ["express", "standard"], defaultValue: "standard" });
    expect(byName(box, "project_param_version")).toMatchObject({ kind: "integer", min: -1, required: false });
    expect(byName(box, "unique_id")).toMatchObject({ kind: "string", min: 1, max: 256 });
    expect(byName(box, "metadata")).toMatchObject({ kind: "record", defaultValue: {} });
    expect(byName(box, "instruction")).toMatchObject({ required: false, max: 200_000 });
  });

  it("sees nested label lists and their limits", () => {
    expect(byName(fieldsOf("annotation"), "objects_to_annotate")).toMatchObject({ kind: "labelTree", required: true, min: 1, max: 6 });
    expect(byName(fieldsOf("lineannotation"), "objects_to_annotate")).toMatchObject({ kind: "labelTree", max: 3 });
    expect(byName(fieldsOf("segmentannotation"), "labels")).toMatchObject({ kind: "stringArray", min: 1, max: 50 });
    expect(byName(fieldsOf("segmentannotation"), "instance_labels")).toMatchObject({ kind: "stringArray", max: 10, defaultValue: [] });
  });

  it("describes vertex ranges, nullable max and objects with their own defaults", () => {
    const line = fieldsOf("lineannotation");
    expect(byName(line, "min_vertices")).toMatchObject({ kind: "integer", min: 1, defaultValue: 1 });
    expect(byName(line, "max_vertices")).toMatchObject({ kind: "integer", nullable: true, defaultValue: null, min: 1 });
    const cam = byName(fieldsOf("cuboidannotation"), "camera_intrinsics");
    expect(cam).toMatchObject({ kind: "object", required: false });
    expect(cam.children?.map((c) => c.name)).toEqual(["fx", "fy", "cx", "cy", "scalefactor", "skew"]);
    expect(byName(cam.children ?? [], "scalefactor")).toMatchObject({ kind: "number", defaultValue: 1 });
    expect(byName(cam.children ?? [], "fx")).toMatchObject({ kind: "number", required: true });
  });

  it("marks the instruction required where the docs do", () => {
    expect(byName(fieldsOf("categorization"), "instruction").required).toBe(true);
    expect(byName(fieldsOf("annotation"), "instruction").required).toBe(false);
  });

  it("describes dictionaries and repeatable fields", () => {
    const t = fieldsOf("transcription");
    expect(byName(t, "fields")).toMatchObject({ kind: "record", item: { kind: "string" } });
    const rf = byName(t, "repeatable_fields");
    expect(rf.kind).toBe("record");
    expect(rf.item?.kind).toBe("union");
    expect(rf.item?.variants?.[0]).toMatchObject({ kind: "object" });
    expect(byName(t, "attachment_type")).toMatchObject({ kind: "enum", options: ["image", "pdf", "website", "text"], required: true });
    expect(byName(fieldsOf("comparison"), "attachments")).toMatchObject({ kind: "stringArray", min: 1 });
  });
});
