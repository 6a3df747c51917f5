import { z } from "zod";
import { formBoolean, oneOrMany } from "./form";
import { imageAttachment } from "./common";

const label = z.string().trim().min(1, { error: "labels must be non-empty strings" });

/** Semantic (and, with instance_labels, panoptic) segmentation: `POST /v1/task/segmentannotation`. */
export const SegmentannotationParams = z
  .object({
    ...imageAttachment,
    labels: oneOrMany(label)
      .check(z.minLength(1, { error: "must list at least one label" }))
      .check(z.maxLength(50, { error: "you may include at most 50 labels" })),
    instance_labels: oneOrMany(label)
      .check(z.maxLength(10, { error: "you may include at most 10 instance labels" }))
      .default([]),
    allow_unlabeled: formBoolean.default(false),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    for (const [field, list] of [["labels", p.labels], ["instance_labels", p.instance_labels]] as const) {
      for (const l of list) {
        if (seen.has(l)) ctx.addIssue({ code: "custom", path: [field], message: `label "${l}" appears twice` });
        seen.add(l);
      }
    }
  });
export type SegmentannotationParams = z.infer<typeof SegmentannotationParams>;

/** A label's entry in labelMapping: its colour in `combined.image` and its index in `indexedImage`. */
export const MaskEntry = z.object({
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "color must be #rrggbb" }),
  index: z.number().int().min(0).max(255),
});
export type MaskEntry = z.infer<typeof MaskEntry>;

export const SegmentannotationResponse = z.object({
  annotations: z.object({
    /** A mask of the pixels left unlabeled, when allow_unlabeled is true. */
    unlabeled: z.string().nullable(),
    /** One mask per semantic label; one per instance (an array) for instance labels. */
    labeled: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    combined: z.object({ image: z.string(), indexedImage: z.string() }),
  }),
  labelMapping: z.record(z.string(), z.union([MaskEntry, z.array(MaskEntry)])),
  instances: z.record(z.string(), z.unknown()).default({}),
});
export type SegmentannotationResponse = z.infer<typeof SegmentannotationResponse>;
