import { z } from "zod";
import { oneOrMany, stringDictionary } from "./form";
import { checkAttachment } from "./categorization";

export const TRANSCRIPTION_ATTACHMENT_TYPES = ["image", "pdf", "website", "text"] as const;

/**
 * A repeatable field is either a plain description (the `fields` format) or
 * `{description, choices}`. The docs' internal model stores both as `{description, ...}`, and so do we.
 */
export const RepeatableField = z.union([
  z.string().min(1).transform((description) => ({ description })),
  z.object({
    description: z.string().min(1, { error: "description is required" }),
    choices: oneOrMany(z.string().min(1)).check(z.minLength(1, { error: "choices must not be empty" })).optional(),
  }),
]);
export type RepeatableField = z.infer<typeof RepeatableField>;

/** OCR transcription: `POST /v1/task/transcription`. */
export const TranscriptionParams = z
  .object({
    attachment_type: z.enum(TRANSCRIPTION_ATTACHMENT_TYPES, {
      error: "must be one of image, pdf, website (or text)",
    }),
    attachment: z.string({ error: "attachment is required" }).min(1, { error: "attachment is required" }),
    fields: stringDictionary.optional(),
    repeatable_fields: z.record(z.string().min(1), RepeatableField, { error: "must be an object" }).optional(),
  })
  .superRefine((p, ctx) => {
    checkAttachment(p.attachment_type, p.attachment, ["attachment"], ctx);
    const n = Object.keys(p.fields ?? {}).length + Object.keys(p.repeatable_fields ?? {}).length;
    if (n === 0) {
      ctx.addIssue({ code: "custom", path: ["fields"], message: "at least one of fields or repeatable_fields must be given" });
    }
  });
export type TranscriptionParams = z.infer<typeof TranscriptionParams>;

export const TranscriptionResponse = z.object({
  fields: z.record(z.string(), z.string()).optional(),
  repeatable_fields: z.array(z.record(z.string(), z.string())).optional(),
});
export type TranscriptionResponse = z.infer<typeof TranscriptionResponse>;
