import { z } from "zod";
import { formBoolean, oneOrMany } from "./form";
import { AttachmentType, isHttpUrl } from "./common";
import { Layers } from "./geometry";

/** The attachment is plain text for `text`, a URL for every other type. */
export function checkAttachment(
  type: string,
  value: string,
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  if (type !== "text" && !isHttpUrl(value)) {
    ctx.addIssue({ code: "custom", path, message: `must be an http or https URL when attachment_type is ${type}` });
  }
}

const category = z.string().trim().min(1, { error: "categories must be non-empty strings" });

/** Categorization: `POST /v1/task/categorization`. */
export const CategorizationParams = z
  .object({
    attachment_type: AttachmentType,
    attachment: z.string({ error: "attachment is required" }).min(1, { error: "attachment is required" }),
    categories: oneOrMany(category).check(z.minLength(1, { error: "must list at least one category" })),
    category_ids: z.record(z.string().min(1), z.string(), { error: "must be an object of id: category" }).optional(),
    allow_multiple: formBoolean.default(false),
    layers: Layers.optional(),
  })
  .superRefine((p, ctx) => {
    checkAttachment(p.attachment_type, p.attachment, ["attachment"], ctx);
    if (new Set(p.categories).size !== p.categories.length) {
      ctx.addIssue({ code: "custom", path: ["categories"], message: "categories must be unique" });
    }
    for (const [id, value] of Object.entries(p.category_ids ?? {})) {
      if (!p.categories.includes(value)) {
        ctx.addIssue({ code: "custom", path: ["category_ids", id], message: `"${value}" is not one of categories` });
      }
    }
    if (p.layers && p.attachment_type !== "image") {
      ctx.addIssue({ code: "custom", path: ["layers"], message: "layers only work when attachment_type is image" });
    }
  });
export type CategorizationParams = z.infer<typeof CategorizationParams>;

export const CategorizationResponse = z.object({
  category: z.union([z.string(), z.array(z.string())]),
  category_id: z.union([z.string(), z.array(z.string())]).optional(),
});
export type CategorizationResponse = z.infer<typeof CategorizationResponse>;
