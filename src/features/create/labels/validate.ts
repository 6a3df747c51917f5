// Which server rule a label list is checked against. The rules live once, in src/schema: this only
// picks the field's schema by its wire name, and words errors exactly as the server does.
import { z } from "zod";
import {
  CategoryAttribute,
  describeZodError,
  LabelChoice,
  objectsToAnnotate,
  TASK_TYPES,
  taskTypeRegistry,
} from "../../../schema";

/** The field schema of the first task type whose params have this field. */
function registryField(field: string): z.ZodType | undefined {
  for (const type of TASK_TYPES) {
    const params = taskTypeRegistry[type].params as unknown as { shape?: Record<string, z.ZodType> };
    const found = params.shape?.[field];
    if (found) return found;
  }
  return undefined;
}

/**
 * `objects_to_annotate` (its maximum differs per type: 6 for boxes, 3 for lines), `labels`,
 * `instance_labels`, `categories`, `choices`, or a category attribute's choices
 * (`annotation_attributes.<name>.choices`).
 */
export function labelFieldSchema(name: string, maxItems?: number): z.ZodType {
  if (name === "objects_to_annotate") return objectsToAnnotate(maxItems ?? 6);
  if (name.startsWith("annotation_attributes.") && name.endsWith(".choices")) return CategoryAttribute.shape.choices;
  return registryField(name) ?? z.array(LabelChoice);
}

/** The server's message for this list, or null when it would be accepted. */
export function labelListProblem(name: string, value: readonly unknown[], maxItems?: number): string | null {
  const checked = labelFieldSchema(name, maxItems).safeParse(value);
  return checked.success ? null : describeZodError(checked.error, value, name.split("."));
}
