import { attributeApplies, findAttributeCycle, leafLabels, type AnnotationAttributes, type LabelChoice } from "../../schema";
import type { Rng } from "./rng";

// Labels and attribute values for synthetic annotations: only leaves, and each attribute answered
// exactly when its conditions hold (evaluated after the attributes it depends on).

export interface Labelled {
  label?: string;
  attributes?: Record<string, string | number>;
}

/** Attribute names ordered so every attribute comes after those its conditions name. */
function dependencyOrder(attributes: AnnotationAttributes): string[] {
  if (findAttributeCycle(attributes)) return Object.keys(attributes);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !(name in attributes)) return;
    seen.add(name);
    for (const c of attributes[name].conditions?.attribute_conditions ?? []) Object.keys(c).forEach(visit);
    out.push(name);
  };
  Object.keys(attributes).forEach(visit);
  return out;
}

function attributeValue(attr: AnnotationAttributes[string], rng: Rng): string | number {
  if (attr.type === "category") return rng.pick(leafLabels(attr.choices));
  if (attr.type === "angle") return rng.int(0, 359);
  const min = attr.min ?? (attr.max !== undefined ? attr.max - 10 : 0);
  const max = attr.max ?? min + 10;
  // A whole number when the range holds one, else the lower bound itself.
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  return lo <= hi ? rng.int(lo, hi) : min;
}

export function labelAndAttributes(
  p: { objects_to_annotate: LabelChoice[]; with_labels: boolean; annotation_attributes?: AnnotationAttributes },
  rng: Rng,
): Labelled {
  const out: Labelled = {};
  if (p.with_labels) out.label = rng.pick(leafLabels(p.objects_to_annotate));
  const defs = p.annotation_attributes;
  if (!defs) return out;
  const values: Record<string, string | number> = {};
  for (const name of dependencyOrder(defs)) {
    if (attributeApplies(defs[name], out.label, values)) values[name] = attributeValue(defs[name], rng);
  }
  if (Object.keys(values).length > 0) out.attributes = values;
  return out;
}
