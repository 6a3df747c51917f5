import { z } from "zod";
import { imageAttachment, minPixels, objectsToAnnotate, withLabels } from "./common";
import { AnnotationAttributes, checkLabelConditions } from "./attributes";
import { BoxAnnotation, Layers } from "./geometry";

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
  })
  .superRefine((p, ctx) => checkLabelConditions(p.annotation_attributes, p.objects_to_annotate, ctx));
export type AnnotationParams = z.infer<typeof AnnotationParams>;

export const AnnotationResponse = z.object({ annotations: z.array(BoxAnnotation) });
export type AnnotationResponse = z.infer<typeof AnnotationResponse>;
