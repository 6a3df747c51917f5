import { z } from "zod";
import { formArray, formNumber } from "./form";
import { LabelChoice, leafLabels } from "./common";

// annotation_attributes: extra per-annotation questions (category, number or angle), each
// optionally conditional on the annotation's label and on other attributes' values.

/** `{ "label": "car" }`, `{ "label": ["car", "truck"] }`, `{ "is_parked": "Yes" }`: one key. */
export const Condition = z
  .record(z.string(), z.union([z.string(), formArray(z.string())]))
  .refine((c) => Object.keys(c).length === 1, { error: "a Condition has exactly one key" });
export type Condition = z.infer<typeof Condition>;

export const Conditions = z
  .object({
    label_condition: Condition.refine((c) => "label" in c, {
      error: 'label_condition must have the key "label"',
    }).optional(),
    attribute_conditions: z
      .union([formArray(Condition), Condition])
      .transform((c) => (Array.isArray(c) ? c : [c]))
      .optional(),
  })
  .strict();
export type Conditions = z.infer<typeof Conditions>;

const base = {
  description: z.string({ error: "description is required" }).min(1, { error: "description is required" }),
  conditions: Conditions.optional(),
};

export const CategoryAttribute = z.object({
  type: z.literal("category"),
  ...base,
  choices: formArray(LabelChoice).check(z.minLength(1, { error: "a category attribute needs choices" })),
});
export const NumberAttribute = z
  .object({ type: z.literal("number"), ...base, min: formNumber.optional(), max: formNumber.optional() })
  .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, {
    error: "min must not be greater than max",
  });
export const AngleAttribute = z.object({ type: z.literal("angle"), ...base });

/** `type` defaults to category, as the docs say. */
export const AnnotationAttribute = z.preprocess(
  (v) => (v && typeof v === "object" && !("type" in v) ? { ...v, type: "category" } : v),
  z.discriminatedUnion("type", [CategoryAttribute, NumberAttribute, AngleAttribute], {
    error: "type must be one of category, number, angle",
  }),
);
export type AnnotationAttribute = z.infer<typeof AnnotationAttribute>;

export const AnnotationAttributes = z
  .record(z.string().min(1), AnnotationAttribute)
  .superRefine((attributes, ctx) => {
    for (const [name, attr] of Object.entries(attributes)) {
      for (const cond of attr.conditions?.attribute_conditions ?? []) {
        for (const key of Object.keys(cond)) {
          if (!(key in attributes)) {
            ctx.addIssue({
              code: "custom",
              path: [name, "conditions", "attribute_conditions"],
              message: `refers to unknown attribute "${key}"`,
            });
          }
        }
      }
    }
    const cycle = findAttributeCycle(attributes);
    if (cycle) {
      ctx.addIssue({ code: "custom", message: `circular attribute dependency: ${cycle.join(" → ")}` });
    }
  });
export type AnnotationAttributes = z.infer<typeof AnnotationAttributes>;

/** The attributes each attribute's conditions depend on. */
function dependencies(attr: AnnotationAttribute): string[] {
  return (attr.conditions?.attribute_conditions ?? []).flatMap((c) => Object.keys(c));
}

/** A dependency cycle as a path that starts and ends at the same attribute, or null. */
export function findAttributeCycle(attributes: Record<string, AnnotationAttribute>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (name: string): string[] | null => {
    if (state.get(name) === "done" || !(name in attributes)) return null;
    if (state.get(name) === "visiting") return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, "visiting");
    stack.push(name);
    for (const dep of dependencies(attributes[name])) {
      const found = visit(dep);
      if (found) return found;
    }
    stack.pop();
    state.set(name, "done");
    return null;
  };
  for (const name of Object.keys(attributes)) {
    const found = visit(name);
    if (found) return found;
  }
  return null;
}

/** Label conditions may only name leaf labels that the task offers. */
export function checkLabelConditions(
  attributes: AnnotationAttributes | undefined,
  objects: readonly LabelChoice[],
  ctx: z.RefinementCtx,
): void {
  if (!attributes) return;
  const leaves = new Set(leafLabels(objects));
  for (const [name, attr] of Object.entries(attributes)) {
    const wanted = attr.conditions?.label_condition?.label;
    for (const label of wanted === undefined ? [] : Array.isArray(wanted) ? wanted : [wanted]) {
      if (!leaves.has(label)) {
        ctx.addIssue({
          code: "custom",
          path: ["annotation_attributes", name, "conditions", "label_condition"],
          message: `label "${label}" is not a leaf of objects_to_annotate`,
        });
      }
    }
  }
}

/** Whether an attribute applies to an annotation with this label and these attribute values. */
export function attributeApplies(
  attr: AnnotationAttribute,
  label: string | undefined,
  values: Record<string, string | number>,
): boolean {
  const matches = (cond: Condition, actual: string | number | undefined) => {
    const [expected] = Object.values(cond);
    if (actual === undefined) return false;
    return Array.isArray(expected) ? expected.includes(String(actual)) : expected === String(actual);
  };
  const c = attr.conditions;
  if (c?.label_condition && !matches(c.label_condition, label)) return false;
  for (const cond of c?.attribute_conditions ?? []) {
    const [key] = Object.keys(cond);
    if (!matches(cond, values[key])) return false;
  }
  return true;
}
