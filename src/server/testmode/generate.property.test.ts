import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { taskTypeRegistry, type TaskType } from "../../schema";
import type { Canvas } from "../attachments/attachments";
import { validateResponse } from "../tasks/validate-response";
import { createRng, generateResponse } from "./index";

// Property: for any valid params of any type, on any image size, the test-mode answer passes the
// same validator the live complete endpoint uses — masks included, pixel by pixel.

const name = fc.stringMatching(/^[a-z][a-z ]{0,7}$/).map((s) => s.trim()).filter((s) => s.length > 0);
const url = fc.constantFrom("https://example.com/a.png", "http://img.test/b.jpg", "https://cdn.test/c/d.png");
const canvasArb: fc.Arbitrary<Canvas> = fc.record({ width: fc.integer({ min: 4, max: 160 }), height: fc.integer({ min: 4, max: 120 }) });

/** A label list (maybe nested) with at most `maxTop` top-level entries, and its leaves. */
function labelTree(maxTop: number) {
  return fc.uniqueArray(name, { minLength: 1, maxLength: maxTop + 3 }).chain((names) =>
    fc.integer({ min: 0, max: Math.min(maxTop, names.length) }).map((plain) => {
      const leaves = names.slice(0, Math.max(plain, names.length >= plain + 2 ? plain : names.length));
      const rest = names.slice(leaves.length);
      const tree: unknown[] = [...leaves];
      const outLeaves = [...leaves];
      if (rest.length >= 2 && tree.length < maxTop) {
        const [choice, ...subs] = rest;
        // One more level of nesting when there are enough names.
        tree.push(subs.length >= 3 ? { choice, subchoices: [subs[0], { choice: subs[1], subchoices: subs.slice(2) }] } : { choice, subchoices: subs });
        outLeaves.push(...(subs.length >= 3 ? [subs[0], ...subs.slice(2)] : subs));
      }
      return { tree: tree.slice(0, maxTop), leaves: outLeaves };
    }),
  ).filter((t) => t.tree.length > 0);
}

/** Up to three attributes; conditions only look back, so there are no cycles. */
function attributes(leaves: string[]) {
  const one = (i: number, earlier: { name: string; values: string[] }[]) =>
    fc
      .record({
        kind: fc.constantFrom("category", "number", "angle"),
        choices: fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        min: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
        span: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        labelCond: fc.option(fc.subarray(leaves, { minLength: 1 }), { nil: undefined }),
        attrCond: fc.option(fc.nat(), { nil: undefined }),
      })
      .map((a) => {
        const conditions: Record<string, unknown> = {};
        if (a.labelCond) conditions.label_condition = { label: a.labelCond };
        if (a.attrCond !== undefined && earlier.length > 0) {
          const dep = earlier[a.attrCond % earlier.length];
          conditions.attribute_conditions = { [dep.name]: dep.values.slice(0, 1 + (a.attrCond % dep.values.length)) };
        }
        const base = { description: `attribute ${i}`, ...(Object.keys(conditions).length ? { conditions } : {}) };
        if (a.kind === "category") return { name: `a${i}`, values: a.choices, def: { type: "category", ...base, choices: a.choices } };
        if (a.kind === "angle") return { name: `a${i}`, values: ["0", "90"], def: { type: "angle", ...base } };
        const max = a.min !== undefined && a.span !== undefined ? a.min + a.span : undefined;
        return { name: `a${i}`, values: [String(a.min ?? 0)], def: { type: "number", ...base, ...(a.min !== undefined ? { min: a.min } : {}), ...(max !== undefined ? { max } : {}) } };
      });
  return fc.integer({ min: 0, max: 3 }).chain((n) => {
    let acc: fc.Arbitrary<{ name: string; values: string[]; def: Record<string, unknown> }[]> = fc.constant([]);
    for (let i = 0; i < n; i++) acc = acc.chain((earlier) => one(i, earlier).map((a) => [...earlier, a]));
    return acc.map((list) => (list.length ? Object.fromEntries(list.map((a) => [a.name, a.def])) : undefined));
  });
}

function imageParams(maxTop: number, canvas: Canvas) {
  return labelTree(maxTop).chain(({ tree, leaves }) =>
    fc.record({
      attachment: url,
      objects_to_annotate: fc.constant(tree),
      with_labels: fc.boolean(),
      min_width: fc.integer({ min: 0, max: canvas.width }),
      min_height: fc.integer({ min: 0, max: canvas.height }),
      annotation_attributes: attributes(leaves),
      min_vertices: fc.integer({ min: 1, max: 6 }),
      max_extra: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      min_annotations: fc.integer({ min: 0, max: 3 }),
      max_annotations: fc.option(fc.integer({ min: 0, max: 3 }), { nil: 0 }),
      camera: fc.boolean(),
    }),
  );
}

function paramsFor(type: TaskType, canvas: Canvas): fc.Arbitrary<Record<string, unknown>> {
  const strip = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  switch (type) {
    case "annotation":
    case "pointannotation":
      return imageParams(6, canvas).map(({ attachment, objects_to_annotate, with_labels, min_width, min_height, annotation_attributes }) =>
        strip({ attachment, objects_to_annotate, with_labels, annotation_attributes, ...(type === "annotation" ? { min_width, min_height } : {}) }),
      );
    case "lineannotation":
    case "polygonannotation":
      return imageParams(type === "lineannotation" ? 3 : 6, canvas).map((p) =>
        strip({
          attachment: p.attachment,
          objects_to_annotate: p.objects_to_annotate,
          with_labels: p.with_labels,
          annotation_attributes: p.annotation_attributes,
          min_vertices: p.min_vertices,
          max_vertices: p.max_extra === null ? null : p.min_vertices + p.max_extra,
        }),
      );
    case "cuboidannotation":
      return imageParams(6, canvas).map((p) =>
        strip({
          attachment: p.attachment,
          objects_to_annotate: p.objects_to_annotate,
          with_labels: p.with_labels,
          annotation_attributes: p.annotation_attributes,
          min_width: p.min_width,
          min_height: p.min_height,
          min_annotations: p.min_annotations,
          max_annotations: p.max_annotations === 0 ? 0 : Math.max(p.max_annotations, p.min_annotations),
          ...(p.camera ? { camera_intrinsics: { fx: 500, fy: 500, cx: 64, cy: 48 }, camera_rotation_quaternion: { w: 1, x: 0, y: 0, z: 0 } } : {}),
        }),
      );
    case "segmentannotation":
      return fc.uniqueArray(name, { minLength: 1, maxLength: 9 }).chain((names) =>
        fc.record({
          attachment: url,
          split: fc.integer({ min: 1, max: names.length }),
          allow_unlabeled: fc.boolean(),
        }).map((p) => ({ attachment: p.attachment, labels: names.slice(0, p.split), instance_labels: names.slice(p.split, p.split + 3), allow_unlabeled: p.allow_unlabeled })),
      );
    case "categorization":
      return fc.uniqueArray(name, { minLength: 1, maxLength: 6 }).chain((categories) =>
        fc.record({ allow_multiple: fc.boolean(), ids: fc.subarray(categories), text: fc.boolean() }).map((p) =>
          strip({
            attachment_type: p.text ? "text" : "image",
            attachment: p.text ? "some text" : "https://example.com/x.png",
            categories,
            allow_multiple: p.allow_multiple,
            category_ids: p.ids.length ? Object.fromEntries(p.ids.map((c, i) => [`id${i}`, c])) : undefined,
          }),
        ),
      );
    case "comparison":
      return fc
        .record({ choices: fc.uniqueArray(name, { maxLength: 4 }), fields: fc.uniqueArray(name, { maxLength: 3 }), n: fc.integer({ min: 1, max: 3 }) })
        .filter((p) => p.choices.length + p.fields.length > 0)
        .map((p) =>
          strip({
            attachment_type: "image",
            attachments: Array.from({ length: p.n }, (_, i) => `https://example.com/${i}.png`),
            choices: p.choices.length ? p.choices : undefined,
            fields: p.fields.length ? Object.fromEntries(p.fields.map((f) => [f.replace(/ /g, "_"), `describe ${f}`])) : undefined,
          }),
        );
    case "transcription":
      return fc
        .record({ fields: fc.uniqueArray(name, { maxLength: 3 }), rep: fc.uniqueArray(name, { maxLength: 3 }), choices: fc.boolean() })
        .filter((p) => p.fields.length + p.rep.length > 0)
        .map((p) =>
          strip({
            attachment_type: "image",
            attachment: "https://example.com/r.png",
            fields: p.fields.length ? Object.fromEntries(p.fields.map((f) => [f, `the ${f}`])) : undefined,
            repeatable_fields: p.rep.length
              ? Object.fromEntries(p.rep.map((f, i) => [f, p.choices && i === 0 ? { description: `each ${f}`, choices: ["x", "y"] } : `each ${f}`]))
              : undefined,
          }),
        );
    case "datacollection":
      return fc.uniqueArray(name, { minLength: 1, maxLength: 4 }).map((fields) => ({ attachment: "https://example.com/", fields: Object.fromEntries(fields.map((f) => [f, `the ${f}`])) }));
    case "audiotranscription":
      return fc.record({ verbatim: fc.boolean() }).map((p) => ({ attachment: "https://example.com/a.mp3", ...p }));
  }
}

describe("test-mode answers are valid for their type and params", () => {
  for (const type of Object.keys(taskTypeRegistry) as TaskType[]) {
    it(type, () => {
      let checked = 0;
      let annotations = 0;
      fc.assert(
        fc.property(
          canvasArb.chain((canvas) => fc.tuple(fc.constant(canvas), paramsFor(type, canvas))),
          fc.integer(),
          ([canvas, raw], seed) => {
            const parsed = taskTypeRegistry[type].params.safeParse(raw);
            fc.pre(parsed.success);
            // Stored params went through JSON, as here.
            const params = JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>;
            const files = new Map<string, Buffer>();
            const response = generateResponse(type, params, {
              canvas,
              rng: createRng(seed),
              masks: { save: (n, png) => (files.set(`http://localhost/files/m/${n}`, png), `http://localhost/files/m/${n}`) },
            });
            const result = validateResponse(type, params, JSON.parse(JSON.stringify(response)), { canvas, readMask: (u) => files.get(u) ?? null });
            if (!result.ok) throw new Error(`${result.errors.join("\n")}\nparams: ${JSON.stringify(params)}\nresponse: ${JSON.stringify(response)}`);
            expect(taskTypeRegistry[type].response.safeParse(response).success).toBe(true);
            checked++;
            if (Array.isArray(response.annotations)) annotations += response.annotations.length;
          },
        ),
        { numRuns: type === "segmentannotation" ? 60 : 150 },
      );
      // The generators must be exercised, not skipped by the precondition.
      expect(checked).toBeGreaterThanOrEqual(type === "segmentannotation" ? 60 : 150);
      if (taskTypeRegistry[type].geometry && type !== "segmentannotation") expect(annotations).toBeGreaterThan(checked / 2);
    });
  }
});
