import { z } from "zod";
import { IsoDay } from "../tasks";

const text = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().trim().min(1).optional());

/** The overview's URL: a UTC day range and an optional project. No range = the last 30 days. */
export const DashboardSearch = z.object({
  from: IsoDay.optional().catch(undefined),
  to: IsoDay.optional().catch(undefined),
  project: text.catch(undefined),
});
export type DashboardSearch = z.infer<typeof DashboardSearch>;
