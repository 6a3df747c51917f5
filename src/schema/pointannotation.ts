import { z } from "zod";
import { imageAttachment, objectsToAnnotate, withLabels } from "./common";
import { AnnotationAttributes, checkLabelConditions } from "./attributes";
import { Layers, PointAnnotation } from "./geometry";

/** Point annotation: `POST /v1/task/pointannotation`. */
export const PointannotationParams = z
  .object({
    ...imageAttachment,
    objects_to_annotate: objectsToAnnotate(6),
    with_labels: withLabels,
    annotation_attributes: AnnotationAttributes.optional(),
    layers: Layers.optional(),
  })
  .superRefine((p, ctx) => checkLabelConditions(p.annotation_attributes, p.objects_to_annotate, ctx));
export type PointannotationParams = z.infer<typeof PointannotationParams>;

export const PointannotationResponse = z.object({ annotations: z.array(PointAnnotation) });
export type PointannotationResponse = z.infer<typeof PointannotationResponse>;
