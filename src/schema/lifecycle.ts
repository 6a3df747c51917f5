import { z } from "zod";
import { formBoolean, formInt } from "./form";
import { ApiTime } from "./time";
import { Audit, Task, TaskStatus } from "./task";
import { TaskListQuery } from "./list";

// Bodies and answers of the endpoints beyond the docs that the task lifecycle adds: completing a
// task, audits, stats, callback log, export and file uploads. Query schemas coerce strings.

/** `POST /v1/task/:id/complete`: a person's answer to a live task. */
export const CompleteTaskBody = z.object({
  response: z.record(z.string(), z.unknown(), { error: "response must be an object" }),
});
export type CompleteTaskBody = z.infer<typeof CompleteTaskBody>;

/** `POST /v1/task/:id/audit`: approve, or reject with feedback. */
export const AuditBody = z
  .object({
    accepted: formBoolean,
    comments: z.string({ error: "must be a string" }).max(20_000, { error: "must be at most 20000 characters" }).default(""),
  })
  .refine((a) => a.accepted || a.comments.trim().length > 0, {
    path: ["comments"],
    error: "a rejection needs comments that say what is wrong",
  });
export type AuditBody = z.infer<typeof AuditBody>;

/** `GET /v1/task/:id/audits`: every decision, oldest first. */
export const AuditList = z.object({ audits: z.array(Audit) });
export type AuditList = z.infer<typeof AuditList>;

/** `GET /v1/audits/sample`. */
export const AuditSampleQuery = z.object({
  type: z.string().min(1).optional(),
  project: z.string().min(1).optional(),
  size: formInt.check(z.gte(1, { error: "must be between 1 and 100" }), z.lte(100, { error: "must be between 1 and 100" })).default(10),
});
export type AuditSampleQuery = z.infer<typeof AuditSampleQuery>;

export const AuditSample = z.object({ docs: z.array(Task) });
export type AuditSample = z.infer<typeof AuditSample>;

/** A time range as answered: ISO-8601 UTC. */
export const TimeRange = z.object({ start: z.string().nullable(), end: z.string().nullable() });
export type TimeRange = z.infer<typeof TimeRange>;

/** `GET /v1/audits/stats`: decisions by the day they were made (UTC). */
export const AuditStatsQuery = z.object({
  start_time: ApiTime.optional(),
  end_time: ApiTime.optional(),
  type: z.string().min(1).optional(),
  project: z.string().min(1).optional(),
});
export type AuditStatsQuery = z.infer<typeof AuditStatsQuery>;

export const AuditStats = z.object({
  range: TimeRange,
  totals: z.object({ approved: z.number().int(), rejected: z.number().int() }),
  per_day: z.array(
    z.object({
      day: z.string(),
      type: z.string(),
      project: z.string().nullable(),
      approved: z.number().int(),
      rejected: z.number().int(),
    }),
  ),
  /** The same decisions split by who made them: a member, or an API key (by its prefix). */
  by_reviewer: z.array(
    z.object({
      reviewer: z.string(),
      member_id: z.string().nullable(),
      approved: z.number().int(),
      rejected: z.number().int(),
    }),
  ),
});
export type AuditStats = z.infer<typeof AuditStats>;

/** `GET /v1/stats` (default range: the last 30 days). Days are UTC calendar days. */
export const StatsQuery = z.object({
  start_time: ApiTime.optional(),
  end_time: ApiTime.optional(),
  project: z.string().min(1).optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

export const Stats = z.object({
  range: TimeRange,
  totals: z.object({
    all: z.number().int(),
    pending: z.number().int(),
    completed: z.number().int(),
    canceled: z.number().int(),
    error: z.number().int(),
  }),
  per_day: z.array(z.object({ day: z.string(), type: z.string(), count: z.number().int() })),
  per_day_status: z.array(z.object({ day: z.string(), status: TaskStatus, count: z.number().int() })),
  status_by_type: z.array(z.object({ type: z.string(), status: TaskStatus, count: z.number().int() })),
  /** Created → completed time of completed tasks; percentiles interpolated in log buckets 13% wide. */
  completion_ms: z.object({
    p50: z.number().nullable(),
    p90: z.number().nullable(),
    p99: z.number().nullable(),
    count: z.number().int(),
  }),
  /** Tasks in the range whose callback finally failed. */
  callback_failures: z.number().int(),
});
export type Stats = z.infer<typeof Stats>;

/** One delivery attempt of a callback. */
export const CallbackAttempt = z.object({
  attempt: z.number().int(),
  at: z.string(),
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
  latency_ms: z.number().nullable(),
  succeeded: z.boolean(),
});
export type CallbackAttempt = z.infer<typeof CallbackAttempt>;

/** `GET /v1/task/:id/callbacks`: attempts oldest first; `pending` while a delivery is scheduled. */
export const CallbackLog = z.object({
  attempts: z.array(CallbackAttempt),
  pending: z.boolean(),
});
export type CallbackLog = z.infer<typeof CallbackLog>;

export const EXPORT_FORMATS = ["json", "ndjson", "coco"] as const;

/** `GET /v1/tasks/export`: the filters of `GET /v1/tasks` (no paging) plus a format and ids. */
export const ExportQuery = TaskListQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(EXPORT_FORMATS, { error: "must be one of json, ndjson, coco" }).default("json"),
  task_ids: z
    .string()
    .transform((v) => v.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[0-9a-f]{24}$/, { error: "task_ids must be task ids separated by commas" })).max(10_000))
    .optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** COCO object detection format, for box, polygon and point tasks. */
export const CocoImage = z.object({
  id: z.number().int(),
  file_name: z.string(),
  coco_url: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  scale_task_id: z.string(),
});
export const CocoAnnotation = z.object({
  id: z.number().int(),
  image_id: z.number().int(),
  category_id: z.number().int(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  area: z.number(),
  iscrowd: z.literal(0),
  segmentation: z.array(z.array(z.number())),
  keypoints: z.array(z.number()).optional(),
  num_keypoints: z.number().int().optional(),
  attributes: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export const CocoCategory = z.object({ id: z.number().int(), name: z.string(), supercategory: z.string() });
export const CocoDataset = z.object({
  info: z.object({ description: z.string(), date_created: z.string() }),
  images: z.array(CocoImage),
  annotations: z.array(CocoAnnotation),
  categories: z.array(CocoCategory),
});
export type CocoImage = z.infer<typeof CocoImage>;
export type CocoAnnotation = z.infer<typeof CocoAnnotation>;
export type CocoCategory = z.infer<typeof CocoCategory>;
export type CocoDataset = z.infer<typeof CocoDataset>;

export const UPLOAD_CONTENT_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

/** `POST /v1/files` (raw bytes of an image or mask): where the file is served now. */
export const UploadedFile = z.object({
  url: z.string(),
  content_type: z.enum(UPLOAD_CONTENT_TYPES),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type UploadedFile = z.infer<typeof UploadedFile>;
