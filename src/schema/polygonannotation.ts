import { z } from "zod";
import { imageAttachment, objectsToAnnotate, withLabels } from "./common";
import { AnnotationAttributes, checkLabelConditions } from "./attributes";
import { Layers, PolygonAnnotation } from "./geometry";
import { checkVertexRange, vertexRange } from "./vertices";

/** Polygons: `POST /v1/task/polygonannotation`. */
export const PolygonannotationParams = z
  .object({
    ...imageAttachment,
    objects_to_annotate: objectsToAnnotate(6),
    with_labels: withLabels,
    ...vertexRange,
    annotation_attributes: AnnotationAttributes.optional(),
    layers: Layers.optional(),
  })
  .superRefine((p, ctx) => {
    checkVertexRange(p, ctx);
    checkLabelConditions(p.annotation_attributes, p.objects_to_annotate, ctx);
  });
export type PolygonannotationParams = z.infer<typeof PolygonannotationParams>;

export const PolygonannotationResponse = z.object({ annotations: z.array(PolygonAnnotation) });
export type PolygonannotationResponse = z.infer<typeof PolygonannotationResponse>;
