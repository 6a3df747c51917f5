import { z } from "zod";
import { formBoolean } from "./form";
import { imageAttachment, objectsToAnnotate, withLabels } from "./common";
import { AnnotationAttributes, checkLabelConditions } from "./attributes";
import { Layers, LineAnnotation } from "./geometry";
import { checkVertexRange, vertexRange } from "./vertices";

/** Segmented lines (or cardinal splines): `POST /v1/task/lineannotation`. */
export const LineannotationParams = z
  .object({
    ...imageAttachment,
    objects_to_annotate: objectsToAnnotate(3),
    with_labels: withLabels,
    splines: formBoolean.default(false),
    ...vertexRange,
    annotation_attributes: AnnotationAttributes.optional(),
    layers: Layers.optional(),
  })
  .superRefine((p, ctx) => {
    checkVertexRange(p, ctx);
    checkLabelConditions(p.annotation_attributes, p.objects_to_annotate, ctx);
  });
export type LineannotationParams = z.infer<typeof LineannotationParams>;

export const LineannotationResponse = z.object({ annotations: z.array(LineAnnotation) });
export type LineannotationResponse = z.infer<typeof LineannotationResponse>;
