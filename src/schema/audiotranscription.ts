import { z } from "zod";
import { formBoolean, oneOrMany } from "./form";
import { HttpUrl } from "./common";

// Named by the docs but not documented there; this is the shape the official clients send.

/** Audio transcription: `POST /v1/task/audiotranscription`. */
export const AudiotranscriptionParams = z.object({
  attachment_type: z.literal("audio", { error: "only audio is supported for audiotranscription" }).default("audio"),
  attachment: HttpUrl,
  /** Transcribe verbatim (fillers, false starts) rather than clean. */
  verbatim: formBoolean.default(false),
  /** Words or names the transcriber should expect, to spell them right. */
  phrases: oneOrMany(z.string().min(1)).default([]),
});
export type AudiotranscriptionParams = z.infer<typeof AudiotranscriptionParams>;

export const AudiotranscriptionResponse = z.object({
  transcript: z.string(),
  duration: z.number().nonnegative().optional(),
});
export type AudiotranscriptionResponse = z.infer<typeof AudiotranscriptionResponse>;
