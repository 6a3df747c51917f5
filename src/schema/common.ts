import { z } from "zod";
import { formBoolean, formInt, oneOrMany } from "./form";

export const URGENCIES = ["express", "standard"] as const;
export const Urgency = z.enum(URGENCIES, { error: "must be one of express, standard" });
export type Urgency = z.infer<typeof Urgency>;

export const ATTACHMENT_TYPES = ["text", "image", "video", "audio", "website", "pdf"] as const;
export const AttachmentType = z.enum(ATTACHMENT_TYPES, {
  error: `must be one of ${ATTACHMENT_TYPES.join(", ")}`,
});
export type AttachmentType = z.infer<typeof AttachmentType>;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}

/** The docs only fetch attachments over http or https. */
export const HttpUrl = z
  .string({ error: "must be a URL string" })
  .refine(isHttpUrl, { error: "must be an http or https URL" });

/** A URL to POST to, or an e-mail address (the docs' "email automation pipelines"). */
export const CallbackUrl = z
  .string({ error: "must be a URL string" })
  .refine((v) => isHttpUrl(v) || isEmailAddress(v), {
    error: "must be an http or https URL or an e-mail address",
  });

/** `{}` by default; must be a JSON object (not an array or a scalar). */
export const Metadata = z.record(z.string(), z.unknown(), { error: "must be an object" });
export type Metadata = z.infer<typeof Metadata>;

/**
 * A label, or a nested label `{choice, subchoices}` whose subchoices may nest again to any depth.
 * Only leaves are ever reported in responses.
 */
export type LabelChoice = string | { choice: string; subchoices: LabelChoice[] };
export const LabelChoice: z.ZodType<LabelChoice> = z.lazy(() =>
  z.union(
    [
      z.string().trim().min(1, { error: "labels must be non-empty strings" }),
      z.object({
        choice: z.string().trim().min(1, { error: "choice must be a non-empty string" }),
        subchoices: oneOrMany(LabelChoice).check(
          z.minLength(1, { error: "subchoices must list at least one label" }),
        ),
      }),
    ],
    { error: 'must be a string or a nested label {"choice", "subchoices"}' },
  ),
);

/** The labels a worker can finally pick: the leaves of a (possibly nested) label list. */
export function leafLabels(choices: readonly LabelChoice[]): string[] {
  const out: string[] = [];
  const walk = (c: LabelChoice) => {
    if (typeof c === "string") out.push(c);
    else c.subchoices.forEach(walk);
  };
  choices.forEach(walk);
  return out;
}

/** Every name in a label tree, inner choices included, for duplicate detection. */
export function allLabelNames(choices: readonly LabelChoice[]): string[] {
  const out: string[] = [];
  const walk = (c: LabelChoice) => {
    if (typeof c === "string") out.push(c);
    else {
      out.push(c.choice);
      c.subchoices.forEach(walk);
    }
  };
  choices.forEach(walk);
  return out;
}

export function objectsToAnnotate(max: number) {
  return oneOrMany(LabelChoice)
    .check(z.minLength(1, { error: "must list at least one object" }))
    .check(z.maxLength(max, { error: `you may include at most ${max} objects` }))
    .superRefine((choices, ctx) => {
      const seen = new Set<string>();
      for (const name of allLabelNames(choices)) {
        if (seen.has(name)) ctx.addIssue({ code: "custom", message: `label "${name}" appears twice` });
        seen.add(name);
      }
    });
}

/** Fields every image annotation type shares. */
export const imageAttachment = {
  attachment: HttpUrl,
  attachment_type: z.literal("image", { error: "only image is supported for this task type" }).default("image"),
};

export const withLabels = formBoolean.default(false);
export const minPixels = formInt.check(z.nonnegative({ error: "must be at least 0" })).default(0);

/** A `response` for a task that failed, e.g. when an attachment could not be downloaded. */
export const ErrorResponse = z.object({
  error: z.string(),
  attachments: z
    .array(
      z.object({
        statusCode: z.number().int().nullable(),
        url: z.string(),
        /** Why there was no HTTP answer (refused by the outbound policy, timed out, no such host). */
        error: z.string().optional(),
      }),
    )
    .optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
