import { z } from "zod";
import { formBoolean, formInt } from "./form";
import { ApiTime } from "./time";
import { Task, TaskStatus } from "./task";

/**
 * `GET /v1/tasks` query. `type` may name any type (an unknown one matches nothing, as the docs
 * allow "any other task type"); unknown query parameters are ignored, not refused.
 */
export const TaskListQuery = z.object({
  start_time: ApiTime.optional(),
  end_time: ApiTime.optional(),
  status: TaskStatus.optional(),
  type: z.string().min(1).optional(),
  project: z.string().min(1).optional(),
  /** Beyond the docs: a task id or a prefix of one, for the console's search box. */
  task_id: z.string().regex(/^[0-9a-f]{1,24}$/i, { error: "must be a task id or a prefix of one" }).optional(),
  /** Beyond the docs: `false` lists the tasks whose callback failed after every retry. */
  callback_succeeded: formBoolean.optional(),
  /** Beyond the docs: the official Python client looks a task up by unique_id after a retried create. */
  unique_id: z.string().min(1).optional(),
  limit: formInt.check(z.gte(1, { error: "must be between 1 and 100" }), z.lte(100, { error: "must be between 1 and 100" })).default(100),
  offset: formInt.check(z.nonnegative({ error: "must be at least 0" })).default(0),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskList = z.object({
  docs: z.array(Task),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  has_more: z.boolean(),
});
export type TaskList = z.infer<typeof TaskList>;
