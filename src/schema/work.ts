import { z } from "zod";
import { TaskType } from "./registry";
import { Task, TaskStatus } from "./task";

// The workbench (beyond the Scale docs): people claim pending live tasks with a lease, keep drafts
// of their answer on the server, and submit through the same completion code as
// `POST /v1/task/:id/complete`. Served under /console-api/work by the embedded API only.

const optionalName = z
  .string({ error: "must be a string" })
  .trim()
  .max(200, { error: "must be at most 200 characters" })
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/** `POST /console-api/work/next`: the next task for me, optionally of one type or project. */
export const WorkNextBody = z.strictObject({ type: TaskType.optional(), project: optionalName }, { error: "unknown field: send only type and project" });
export type WorkNextBody = z.infer<typeof WorkNextBody>;

/** `DELETE /console-api/work/:taskId/lease`: skip the task, optionally saying why. */
export const WorkSkipBody = z.strictObject(
  { reason: z.string({ error: "must be a string" }).trim().max(500, { error: "must be at most 500 characters" }).optional() },
  { error: "unknown field: send only reason" },
);
export type WorkSkipBody = z.infer<typeof WorkSkipBody>;

/** `PUT /console-api/work/:taskId/draft`: the whole draft response, based on the version I last saw. */
export const WorkDraftBody = z.strictObject(
  {
    response: z.unknown().refine((v) => v !== undefined, { message: "is required" }),
    base_version: z.number({ error: "must be the draft version you started from (0 for none)" }).int().min(0),
  },
  { error: "unknown field: send only response and base_version" },
);
export type WorkDraftBody = z.infer<typeof WorkDraftBody>;

/** `POST /console-api/work/:taskId/submit`: the answer, as `POST /v1/task/:id/complete` takes it. */
export const WorkSubmitBody = z.object({ response: z.record(z.string(), z.unknown(), { error: "must be an object" }) });

export const WorkHolder = z.object({ id: z.string(), name: z.string() });
export type WorkHolder = z.infer<typeof WorkHolder>;

/** A person's claim on a task; it runs out at `expires_at` unless renewed. */
export const WorkLease = z.object({
  task_id: z.string(),
  holder: WorkHolder,
  expires_at: z.string(),
  /** How long each renewal extends it. */
  lease_ms: z.number().int(),
  /** True when the caller holds it. */
  mine: z.boolean(),
});
export type WorkLease = z.infer<typeof WorkLease>;

export const WorkDraft = z.object({
  version: z.number().int(),
  saved_at: z.string(),
  saved_by: z.string(),
});
export type WorkDraft = z.infer<typeof WorkDraft>;

export const WorkDraftWithResponse = WorkDraft.extend({ response: z.unknown() });
export type WorkDraftWithResponse = z.infer<typeof WorkDraftWithResponse>;

/** `GET /console-api/work/:taskId` and the answer of `next`: what the work page opens with. */
export const WorkItem = z.object({
  task: Task,
  lease: WorkLease.nullable(),
  draft: WorkDraftWithResponse.nullable(),
});
export type WorkItem = z.infer<typeof WorkItem>;

/** `POST /console-api/work/next` when nothing matches: `item` is null and the reason says why. */
export const WorkNext = z.object({ item: WorkItem.nullable(), reason: z.string().nullable() });
export type WorkNext = z.infer<typeof WorkNext>;

export const WorkQueueGroup = z.object({
  type: TaskType,
  project: z.string().nullable(),
  /** Pending tasks nobody holds right now. */
  waiting: z.number().int(),
  /** Pending tasks someone is working on. */
  held: z.number().int(),
  express: z.number().int(),
});
export type WorkQueueGroup = z.infer<typeof WorkQueueGroup>;

/** `GET /console-api/work/queue`. */
export const WorkQueue = z.object({
  mode: z.enum(["test", "live"]),
  groups: z.array(WorkQueueGroup),
  /** Tasks the caller holds now (to resume). */
  mine: z.array(z.object({ task_id: z.string(), type: TaskType, project: z.string().nullable(), expires_at: z.string() })),
  /** How long a skipped task stays out of the caller's queue. */
  skip_hidden_ms: z.number().int(),
});
export type WorkQueue = z.infer<typeof WorkQueue>;

/** `GET /console-api/work/holds`: who holds which task (the task browser's badge). */
export const WorkHolds = z.object({
  holds: z.array(z.object({ task_id: z.string(), holder: WorkHolder, expires_at: z.string() })),
});
export type WorkHolds = z.infer<typeof WorkHolds>;

export const WorkSession = z.object({
  holder: WorkHolder,
  started_at: z.string(),
  ended_at: z.string().nullable(),
  /** Lease-held time: from the claim to submit/skip, or to the last renewal when it ran out. */
  ms: z.number().int(),
  outcome: z.enum(["open", "submitted", "skipped", "expired", "lost"]),
});
export type WorkSession = z.infer<typeof WorkSession>;

/** `GET /console-api/work/:taskId/summary`: time spent and the current holder (detail page). */
export const WorkSummary = z.object({
  task_id: z.string(),
  lease: WorkLease.nullable(),
  time_spent_ms: z.number().int(),
  sessions: z.array(WorkSession),
});
export type WorkSummary = z.infer<typeof WorkSummary>;

/** 409 of lease renew, draft save and submit: why the page can no longer work on the task. */
export const WorkConflict = z.object({
  status_code: z.literal(409),
  error: z.string(),
  /** The task's status when it is no longer pending, "taken" when someone else holds it, "stale" for an old draft. */
  state: z.union([TaskStatus, z.enum(["taken", "stale"])]),
  holder: WorkHolder.optional(),
  version: z.number().int().optional(),
});
export type WorkConflict = z.infer<typeof WorkConflict>;
