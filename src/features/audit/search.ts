// The audit screens' URLs: the queue's filters and the stats view's range live in search params,
// so a reviewer can share "audit 20 box tasks of street-objects" as a link. Invalid values fall
// back to the default instead of breaking the page (`.catch`).
import { z } from "zod";
import { TaskType } from "../../schema";
import { IsoDay } from "../tasks";

/** The router reads `?project=123` as a number; names are text either way. */
const text = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().trim().min(1).optional());

const SAMPLE_PATTERN = /^[0-9a-f]{24}(\.[0-9a-f]{24}){0,100}$/;

export function sampleIds(sample: string | undefined): string[] {
  return sample ? [...new Set(sample.split("."))] : [];
}

export function sampleParam(taskIds: readonly string[]): string {
  return taskIds.join(".");
}

export const SAMPLE_SIZES = [5, 10, 20, 50, 100] as const;
export const DEFAULT_SAMPLE_SIZE = 10;

export const AuditSearch = z.object({
  type: TaskType.optional().catch(undefined),
  project: text.catch(undefined),
  size: z.number().int().min(1).max(100).optional().catch(undefined),
  /** Open this task first (the task page's "Audit" link), then the sample. */
  task: z
    .string()
    .regex(/^[0-9a-f]{24}$/)
    .optional()
    .catch(undefined),
  /**
   * The drawn sample: its task ids in queue order, joined by ".". Kept in the URL so a reload,
   * Back or a shared link reviews the same tasks instead of drawing new ones.
   */
  sample: z.string().regex(SAMPLE_PATTERN).optional().catch(undefined),
  /** Position in the sample, from 1; one past the last task is the end-of-sample summary. */
  pos: z.number().int().min(1).optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof AuditSearch>;

export const STATS_GROUPINGS = ["type", "project"] as const;
export type StatsGrouping = (typeof STATS_GROUPINGS)[number];

export const AuditStatsSearch = z.object({
  from: IsoDay.optional().catch(undefined),
  to: IsoDay.optional().catch(undefined),
  type: TaskType.optional().catch(undefined),
  project: text.catch(undefined),
  /** Which rate lines the chart draws: one per task type or one per project. */
  by: z.enum(STATS_GROUPINGS).optional().catch(undefined),
});
export type AuditStatsSearch = z.infer<typeof AuditStatsSearch>;
