import { z } from "zod";
import { formInt, formNumber } from "./form";
import { imageAttachment, minPixels, objectsToAnnotate, withLabels } from "./common";
import { AnnotationAttributes, checkLabelConditions } from "./attributes";
import { CuboidAnnotation, Layers } from "./geometry";

/** `{fx, fy, cx, cy, scalefactor = 1, skew = 0}`; scalefactor corrects for a resized attachment. */
export const CameraIntrinsics = z.object({
  fx: formNumber,
  fy: formNumber,
  cx: formNumber,
  cy: formNumber,
  scalefactor: formNumber.refine((v) => v > 0, { error: "scalefactor must be positive" }).default(1),
  skew: formNumber.default(0),
});
export type CameraIntrinsics = z.infer<typeof CameraIntrinsics>;

export const CameraRotationQuaternion = z.object({ w: formNumber, x: formNumber, y: formNumber, z: formNumber });
export type CameraRotationQuaternion = z.infer<typeof CameraRotationQuaternion>;

const count = formInt.check(z.nonnegative({ error: "must be at least 0" }));

/** Perspective cuboids: `POST /v1/task/cuboidannotation`. */
export const CuboidannotationParams = z
  .object({
    ...imageAttachment,
    objects_to_annotate: objectsToAnnotate(6),
    with_labels: withLabels,
    camera_intrinsics: CameraIntrinsics.optional(),
    camera_rotation_quaternion: CameraRotationQuaternion.optional(),
    min_width: minPixels,
    min_height: minPixels,
    min_annotations: count.default(0),
    /** 0 means no limit. */
    max_annotations: count.default(0),
    annotation_attributes: AnnotationAttributes.optional(),
    layers: Layers.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.max_annotations > 0 && p.max_annotations < p.min_annotations) {
      ctx.addIssue({ code: "custom", path: ["max_annotations"], message: "must be at least min_annotations (or 0 for no limit)" });
    }
    if (Boolean(p.camera_intrinsics) !== Boolean(p.camera_rotation_quaternion)) {
      ctx.addIssue({
        code: "custom",
        path: [p.camera_intrinsics ? "camera_rotation_quaternion" : "camera_intrinsics"],
        message: "camera_intrinsics and camera_rotation_quaternion are used together; give both or neither",
      });
    }
    checkLabelConditions(p.annotation_attributes, p.objects_to_annotate, ctx);
  });
export type CuboidannotationParams = z.infer<typeof CuboidannotationParams>;

export const CuboidannotationResponse = z.object({ annotations: z.array(CuboidAnnotation) });
export type CuboidannotationResponse = z.infer<typeof CuboidannotationResponse>;
