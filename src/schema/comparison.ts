import { z } from "zod";
import { oneOrMany, stringDictionary } from "./form";
import { AttachmentType } from "./common";
import { checkAttachment } from "./categorization";

/** Comparison of several attachments: `POST /v1/task/comparison`. */
export const ComparisonParams = z
  .object({
    attachment_type: AttachmentType,
    attachments: oneOrMany(z.string().min(1, { error: "attachments must be non-empty" })).check(
      z.minLength(1, { error: "must list at least one attachment" }),
    ),
    fields: stringDictionary.optional(),
    choices: oneOrMany(z.string().trim().min(1, { error: "choices must be non-empty strings" })).optional(),
  })
  .superRefine((p, ctx) => {
    p.attachments.forEach((a, i) => checkAttachment(p.attachment_type, a, ["attachments", i], ctx));
    const hasFields = p.fields !== undefined && Object.keys(p.fields).length > 0;
    const hasChoices = p.choices !== undefined && p.choices.length > 0;
    if (!hasFields && !hasChoices) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "at least one of choices or fields must be given" });
    }
  });
export type ComparisonParams = z.infer<typeof ComparisonParams>;

export const ComparisonResponse = z.object({
  choice: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type ComparisonResponse = z.infer<typeof ComparisonResponse>;
