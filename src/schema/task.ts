import { z } from "zod";
import { formInt } from "./form";
import { CallbackUrl, Metadata, Urgency } from "./common";
import { TaskType } from "./registry";

export const TASK_STATUSES = ["pending", "completed", "canceled", "error"] as const;
export const TaskStatus = z.enum(TASK_STATUSES, { error: `must be one of ${TASK_STATUSES.join(", ")}` });
export type TaskStatus = z.infer<typeof TaskStatus>;

/** Form bodies can only carry metadata as a JSON string; accept that as well as an object. */
const metadataField = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}, Metadata);

/**
 * A task's instruction (markdown). The one limit every instruction obeys: the task's own, a
 * project's, and the two joined when a task inherits its project's instruction.
 */
export const TaskInstruction = z
  .string({ error: "must be a string" })
  .max(200_000, { error: "must be at most 200000 characters" });

/**
 * Fields of a create request that belong to the task itself; every other field is a param of the
 * task's type. `unique_id` is ours (beyond the docs): a retry with the same id creates nothing.
 */
export const TaskCreateFields = z.object({
  callback_url: CallbackUrl.optional(),
  instruction: TaskInstruction.optional(),
  urgency: Urgency.default("standard"),
  metadata: metadataField.default({}),
  project: z.string({ error: "must be a project name" }).min(1, { error: "must be a project name" }).optional(),
  project_param_version: formInt.check(z.gte(-1, { error: "must be -1 (no inheritance) or a version number" })).optional(),
  unique_id: z.string({ error: "must be a string" }).min(1).max(256, { error: "must be at most 256 characters" }).optional(),
});
export type TaskCreateFields = z.infer<typeof TaskCreateFields>;
export const TASK_CREATE_FIELDS = Object.keys(TaskCreateFields.shape) as (keyof TaskCreateFields)[];

/** One audit decision on a completed task (the shape Scale's later API uses). */
export const Audit = z.object({
  accepted: z.boolean(),
  comments: z.string(),
  audited_at: z.string(),
  audited_by: z.string(),
});
export type Audit = z.infer<typeof Audit>;

/** The task object, as every endpoint returns it and as callbacks carry it. */
export const Task = z.object({
  task_id: z.string(),
  type: TaskType,
  status: TaskStatus,
  instruction: z.string(),
  params: z.record(z.string(), z.unknown()),
  urgency: Urgency,
  response: z.record(z.string(), z.unknown()).optional(),
  callback_url: z.string().nullable(),
  created_at: z.string(),
  completed_at: z.string().optional(),
  callback_succeeded: z.boolean().optional(),
  metadata: Metadata,
  project: z.string().optional(),
  project_param_version: z.number().int().optional(),
  unique_id: z.string().optional(),
  /** The latest audit, if any (beyond the docs). */
  audit: Audit.nullable().optional(),
});
export type Task = z.infer<typeof Task>;

/** The body POSTed to callback_url when a task completes or fails. */
export const CallbackBody = z.object({
  task: Task,
  response: z.record(z.string(), z.unknown()),
  task_id: z.string(),
  status: z.enum(["completed", "error"]),
});
export type CallbackBody = z.infer<typeof CallbackBody>;
