// The server's rules for annotation_attributes, from src/schema, worded as the server words them.
import { z } from "zod";
import {
  AnnotationAttributes,
  checkLabelConditions,
  describeZodError,
  findAttributeCycle,
  type AnnotationAttribute,
} from "../../../schema";
import { toWire, type AttributeDraft } from "./model";

/** The server's message for these attributes (and their label conditions), or null. */
export function attributesProblem(wire: Record<string, unknown>, labels: readonly string[] | undefined): string | null {
  const checked = AnnotationAttributes.safeParse(wire);
  if (!checked.success) return describeZodError(checked.error, wire, ["annotation_attributes"]);
  if (!labels) return null;
  // The params schema checks label conditions against objects_to_annotate; leaves are plain labels.
  const withLabels = z.unknown().superRefine((_, ctx) => checkLabelConditions(checked.data, labels, ctx));
  const labelled = withLabels.safeParse(null);
  return labelled.success ? null : describeZodError(labelled.error, null);
}

/**
 * The dependency cycle among these drafts, by the server's own detector, or null. Run on the
 * drafts rather than through the whole schema so a cycle shows while descriptions are still empty.
 */
export function cycleIn(drafts: readonly AttributeDraft[]): string[] | null {
  // toWire always writes attribute_conditions as an array of one-key objects, the parsed shape.
  return findAttributeCycle(toWire(drafts) as Record<string, AnnotationAttribute>);
}

/** The cycle that making `fromId` depend on `toId` would close, or null. */
export function cycleIfDepends(drafts: readonly AttributeDraft[], fromId: string, toId: string): string[] | null {
  const probe = drafts.map((d) =>
    d.id === fromId
      ? { ...d, attributeConditions: [...d.attributeConditions, { id: "probe", ref: toId, values: ["*"] }] }
      : d,
  );
  return cycleIn(probe);
}

export function cycleText(cycle: readonly string[]): string {
  return `circular attribute dependency: ${cycle.join(" → ")}`;
}
