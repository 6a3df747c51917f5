import { z } from "zod";
import { HttpUrl, imageAttachment, minPixels, objectsToAnnotate, withLabels } from "./common";
import { formArray, formBoolean } from "./form";
import { AnnotationAttributes, checkLabelConditions } from "./attributes";
import { BoxAnnotation, Layers } from "./geometry";

/**
 * An example shown to the labeler: an image annotated correctly or not, and why. The docs' task
 * object carries `"examples": []`; the official Node client's README sends these three fields.
 */
export const AnnotationExample = z.object(
  {
    correct: formBoolean,
    image: HttpUrl,
    explanation: z.string({ error: "must be a string" }).optional(),
  },
  { error: "must be an object {correct, image, explanation}" },
);
export type AnnotationExample = z.infer<typeof AnnotationExample>;

/** 2D box annotation: `POST /v1/task/annotation`. */
export const AnnotationParams = z
  .object({
    ...imageAttachment,
    objects_to_annotate: objectsToAnnotate(6),
    with_labels: withLabels,
    min_width: minPixels,
    min_height: minPixels,
    annotation_attributes: AnnotationAttributes.optional(),
    layers: Layers.optional(),
    examples: formArray(AnnotationExample).default([]),
  })
  .superRefine((p, ctx) => checkLabelConditions(p.annotation_attributes, p.objects_to_annotate, ctx));
export type AnnotationParams = z.infer<typeof AnnotationParams>;

export const AnnotationResponse = z.object({ annotations: z.array(BoxAnnotation) });
export type AnnotationResponse = z.infer<typeof AnnotationResponse>;
