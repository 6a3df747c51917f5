import { z } from "zod";
import { stringDictionary } from "./form";
import { HttpUrl } from "./common";

// Named by the docs but not documented there; this is the shape the official clients send.

/** Data collection from a website: `POST /v1/task/datacollection`. */
export const DatacollectionParams = z.object({
  attachment_type: z.literal("website", { error: "only website is supported for datacollection" }).default("website"),
  attachment: HttpUrl,
  fields: stringDictionary.refine((f) => Object.keys(f).length > 0, { error: "must list at least one field" }),
});
export type DatacollectionParams = z.infer<typeof DatacollectionParams>;

export const DatacollectionResponse = z.object({ fields: z.record(z.string(), z.string()) });
export type DatacollectionResponse = z.infer<typeof DatacollectionResponse>;
