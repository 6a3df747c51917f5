import { attributeApplies, type AnnotationAttribute, type AnnotationAttributes } from "../../../schema";
import { checkAttributes, Issues } from "../../../geometry/validate";

// annotation_attributes as the editor evaluates them, live: which fields apply to an object
// (conditions on its label and on other attributes, from src/schema/attributes.ts), which
// applicable ones are still unanswered, and the value errors the shared response validator
// would report. Every applicable attribute is required, as the server's validator says.

export type AttributeValue = string | number;
export type AttributeValues = Record<string, AttributeValue>;

/** An object as the attribute rules see it. */
export interface AttributedObject {
  label?: string;
  attributes?: AttributeValues;
}

/**
 * Drops the values of attributes whose conditions no longer hold, until nothing changes (a
 * dropped value can switch off an attribute that depended on it). Unknown names are dropped.
 */
export function pruneAttributes(defs: AnnotationAttributes, label: string | undefined, values: AttributeValues | undefined): AttributeValues {
  let current: AttributeValues = {};
  for (const [k, v] of Object.entries(values ?? {})) if (k in defs) current[k] = v;
  for (;;) {
    const next: AttributeValues = {};
    for (const [k, v] of Object.entries(current)) if (attributeApplies(defs[k], label, current)) next[k] = v;
    if (Object.keys(next).length === Object.keys(current).length) return next;
    current = next;
  }
}

/** The attributes to ask for this object, in definition order. */
export function applicableAttributes(defs: AnnotationAttributes, obj: AttributedObject): [string, AnnotationAttribute][] {
  const values = pruneAttributes(defs, obj.label, obj.attributes);
  return Object.entries(defs).filter(([, attr]) => attributeApplies(attr, obj.label, values));
}

/** Applicable attributes without a value: what the validation view marks on the object. */
export function missingAttributes(defs: AnnotationAttributes | undefined, obj: AttributedObject): string[] {
  if (!defs) return [];
  const values = pruneAttributes(defs, obj.label, obj.attributes);
  return applicableAttributes(defs, obj)
    .map(([name]) => name)
    .filter((name) => values[name] === undefined);
}

/** Missing attributes per object id, only for objects that miss some. */
export function missingAttributesByObject(
  defs: AnnotationAttributes | undefined,
  objects: readonly { id: string; annotation: AttributedObject }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of objects) {
    const missing = missingAttributes(defs, o.annotation);
    if (missing.length) out.set(o.id, missing);
  }
  return out;
}

/**
 * The shared validator's findings for the given values, by attribute name (out of range, not
 * one of the choices…). Missing values are left to `missingAttributes`.
 */
export function attributeErrors(defs: AnnotationAttributes, obj: AttributedObject): Record<string, string> {
  const issues = new Issues();
  checkAttributes("o", obj.label, pruneAttributes(defs, obj.label, obj.attributes), { leaves: new Set(), withLabels: false, attributes: defs }, issues);
  const out: Record<string, string> = {};
  for (const { path, message } of issues.entries) {
    const name = path.slice("o.attributes.".length);
    if (message.startsWith("is required")) continue;
    out[name] ??= message;
  }
  return out;
}

/**
 * Sets (or clears, with undefined) some values and prunes what stops applying: the one way an
 * object's attributes change, so the result never carries an attribute its conditions exclude.
 */
export function applyAttributePatch(
  defs: AnnotationAttributes,
  obj: AttributedObject,
  patch: Record<string, AttributeValue | undefined>,
): AttributeValues | undefined {
  const merged: AttributeValues = { ...(obj.attributes ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const pruned = pruneAttributes(defs, obj.label, merged);
  return Object.keys(pruned).length ? pruned : undefined;
}

/** What a multi-selection shows for one attribute: the common value, or "mixed". */
export type SharedValue = { kind: "same"; value: AttributeValue | undefined } | { kind: "mixed" };

export function sharedValue(objects: readonly AttributedObject[], name: string): SharedValue {
  const values = new Set(objects.map((o) => o.attributes?.[name]));
  return values.size === 1 ? { kind: "same", value: [...values][0] } : { kind: "mixed" };
}

/** The fields shown for a selection: those that apply to every selected object. */
export function sharedApplicableAttributes(defs: AnnotationAttributes, objects: readonly AttributedObject[]): [string, AnnotationAttribute][] {
  if (!objects.length) return [];
  const sets = objects.map((o) => new Set(applicableAttributes(defs, o).map(([n]) => n)));
  return Object.entries(defs).filter(([name]) => sets.every((s) => s.has(name)));
}

// ── Angles ──────────────────────────────────────────────────────────────────────────────────

/** Degrees in [0, 360): 360 → 0, -90 → 270. */
export function normalizeAngle(deg: number): number {
  const d = ((deg % 360) + 360) % 360;
  return d >= 360 - 1e-9 ? 0 : d;
}

/**
 * The angle of the pointer around the dial's centre, in image convention: 0° points right and
 * angles grow clockwise on screen (y grows downwards), rounded to whole degrees unless `fine`.
 */
export function angleFromPointer(cx: number, cy: number, x: number, y: number, fine = false): number {
  const deg = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
  const a = normalizeAngle(deg);
  return fine ? Math.round(a * 10) / 10 : normalizeAngle(Math.round(a));
}

/** Parses what the user typed in a number field; null when it isn't a finite number. */
export function parseNumberInput(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
