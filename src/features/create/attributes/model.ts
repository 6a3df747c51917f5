// annotation_attributes as the editor holds them: an ordered list of drafts with stable ids, so an
// attribute can be renamed without losing the conditions that point at it (conditions refer to
// the draft's id, and get the current name when written out), and a type can be switched back
// and forth without losing its choices or its min/max.
import { leafLabels, type LabelChoice } from "../../../schema";

export const ATTRIBUTE_TYPES = ["category", "number", "angle"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeConditionDraft {
  id: string;
  /** The id of the attribute this depends on, or "" when none is picked yet. */
  ref: string;
  /** A name from the wire that matches no attribute (kept so the server's message can name it). */
  missingName?: string;
  values: string[];
}

export interface AttributeDraft {
  id: string;
  name: string;
  type: AttributeType;
  description: string;
  choices: unknown[];
  /** As typed; a number when it reads as one. */
  min: string;
  max: string;
  /** Leaf labels the attribute is asked for; empty = every label. */
  labels: string[];
  attributeConditions: AttributeConditionDraft[];
}

let counter = 0;
export function draftId(prefix = "attr"): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

function strings(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => String(x));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function emptyAttribute(name: string, type: AttributeType = "category"): AttributeDraft {
  return { id: draftId(), name, type, description: "", choices: [], min: "", max: "", labels: [], attributeConditions: [] };
}

/** Reads the wire object; anything unexpected is kept as text so the server's message can name it. */
export function fromWire(value: Record<string, unknown>): AttributeDraft[] {
  const drafts = Object.entries(value).map(([name, raw]): AttributeDraft => {
    const attr = isRecord(raw) ? raw : {};
    const type = ATTRIBUTE_TYPES.find((t) => t === attr.type) ?? "category";
    const conditions = isRecord(attr.conditions) ? attr.conditions : {};
    const label = isRecord(conditions.label_condition) ? conditions.label_condition.label : undefined;
    return {
      id: draftId(),
      name,
      type,
      description: typeof attr.description === "string" ? attr.description : "",
      choices: Array.isArray(attr.choices) ? attr.choices : attr.choices === undefined ? [] : [attr.choices],
      min: attr.min === undefined ? "" : String(attr.min),
      max: attr.max === undefined ? "" : String(attr.max),
      labels: strings(label),
      attributeConditions: [],
    };
  });
  // Conditions point at other drafts by id, so read them once every draft has one.
  const byName = new Map(drafts.map((d) => [d.name, d.id]));
  Object.values(value).forEach((raw, i) => {
    const conditions = isRecord(raw) && isRecord(raw.conditions) ? raw.conditions : {};
    const list = conditions.attribute_conditions;
    const items = Array.isArray(list) ? list : isRecord(list) ? [list] : [];
    drafts[i].attributeConditions = items.filter(isRecord).flatMap((cond) =>
      Object.entries(cond).map(([name, values]) => {
        const ref = byName.get(name);
        return { id: draftId("cond"), ref: ref ?? "", missingName: ref ? undefined : name, values: strings(values) };
      }),
    );
  });
  return drafts;
}

/** "12" → 12; anything else stays as typed for the schema to refuse by name. */
function numberOrText(s: string): number | string {
  const t = s.trim();
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : s;
}

/** One value is written as a string, several as an array, as in the docs' examples. */
function oneOrList(values: string[]): string | string[] {
  return values.length === 1 ? values[0] : values;
}

/**
 * The wire `annotation_attributes`. Only complete conditions are written (an attribute picked and
 * at least one value); a name used twice keeps its first attribute (an object has one key each).
 */
export function toWire(drafts: readonly AttributeDraft[]): Record<string, unknown> {
  const nameOf = new Map(drafts.map((d) => [d.id, d.name]));
  const out: Record<string, unknown> = {};
  for (const d of drafts) {
    if (Object.prototype.hasOwnProperty.call(out, d.name)) continue;
    const attr: Record<string, unknown> = { type: d.type, description: d.description };
    if (d.type === "category") attr.choices = d.choices;
    if (d.type === "number") {
      if (d.min.trim() !== "") attr.min = numberOrText(d.min);
      if (d.max.trim() !== "") attr.max = numberOrText(d.max);
    }
    const conditions: Record<string, unknown> = {};
    if (d.labels.length > 0) conditions.label_condition = { label: oneOrList(d.labels) };
    const attributeConditions = d.attributeConditions
      .map((c) => ({ name: c.ref ? nameOf.get(c.ref) : c.missingName, values: c.values }))
      .filter((c): c is { name: string; values: string[] } => c.name !== undefined && c.values.length > 0)
      .map((c) => ({ [c.name]: oneOrList(c.values) }));
    if (attributeConditions.length > 0) conditions.attribute_conditions = attributeConditions;
    if (Object.keys(conditions).length > 0) attr.conditions = conditions;
    out[d.name] = attr;
  }
  return out;
}

/** The values a condition on this attribute can test: a category's leaf choices. */
export function conditionValues(draft: AttributeDraft): string[] | null {
  if (draft.type !== "category") return null;
  return leafLabels(draft.choices.filter((c): c is LabelChoice => typeof c === "string" || (isRecord(c) && "choice" in c)));
}

/** Names used by more than one attribute. */
export function repeatedNames(drafts: readonly AttributeDraft[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const d of drafts) {
    if (seen.has(d.name)) twice.add(d.name);
    seen.add(d.name);
  }
  return twice;
}
