import type { TaskRow } from "../store/tasks";

/**
 * What the task lifecycle (src/server/lifecycle) does when the HTTP layer changes a task. The
 * routes call these after their own transaction has committed.
 */
export interface TaskHooks {
  /** A task was created: schedule attachment checks, test-mode completion, ... */
  afterCreate(task: TaskRow): Promise<void>;
}
