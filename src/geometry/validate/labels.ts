import { attributeApplies, leafLabels, type AnnotationAttributes, type LabelChoice } from "../../schema";
import { at, type Issues } from "./issues";

// Labels and annotation_attributes, shared by every geometry type.

export interface LabelRules {
  leaves: ReadonlySet<string>;
  withLabels: boolean;
  attributes: AnnotationAttributes | undefined;
}

export function labelRules(p: { objects_to_annotate: LabelChoice[]; with_labels: boolean; annotation_attributes?: AnnotationAttributes }): LabelRules {
  return { leaves: new Set(leafLabels(p.objects_to_annotate)), withLabels: p.with_labels, attributes: p.annotation_attributes };
}

export function checkLabel(path: string, label: string | undefined, rules: LabelRules, issues: Issues): void {
  if (label === undefined) {
    if (rules.withLabels) issues.add(at(path, "label"), "is required (with_labels is true)");
  } else if (!rules.leaves.has(label)) {
    issues.add(at(path, "label"), `"${label}" is not a leaf of objects_to_annotate`);
  }
}

/** Every attribute whose conditions hold must be answered within its rules; no other may be. */
export function checkAttributes(
  path: string,
  label: string | undefined,
  values: Record<string, string | number> | undefined,
  rules: LabelRules,
  issues: Issues,
): void {
  const defs = rules.attributes ?? {};
  const given = values ?? {};
  const where = at(path, "attributes");
  for (const key of Object.keys(given)) {
    if (!(key in defs)) issues.add(at(where, key), "is not one of annotation_attributes");
  }
  for (const [name, attr] of Object.entries(defs)) {
    const value = given[name];
    const p = at(where, name);
    if (!attributeApplies(attr, label, given)) {
      if (value !== undefined) issues.add(p, "must be left out: its conditions do not hold for this annotation");
      continue;
    }
    if (value === undefined) {
      issues.add(p, "is required: its conditions hold for this annotation");
      continue;
    }
    if (attr.type === "category") {
      const choices = leafLabels(attr.choices);
      if (typeof value !== "string" || !choices.includes(value)) {
        issues.add(p, `${JSON.stringify(value)} is not one of its choices (${choices.join(", ")})`);
      }
    } else if (typeof value !== "number" || !Number.isFinite(value)) {
      issues.add(p, `must be a number for a ${attr.type} attribute`);
    } else if (attr.type === "number") {
      if (attr.min !== undefined && value < attr.min) issues.add(p, `${value} is below its min ${attr.min}`);
      if (attr.max !== undefined && value > attr.max) issues.add(p, `${value} is above its max ${attr.max}`);
    } else if (value < 0 || value >= 360) {
      issues.add(p, `${value} is not an angle in degrees (0 to 360)`);
    }
  }
}
