import type { NewTask, StoredTask } from "../store/create-batch";
import type { TaskRow } from "../store/tasks";

/**
 * How a new task is stored, as the task lifecycle (src/server/lifecycle) decides it: the row
 * itself (a test-mode task with no delay is stored already completed), what else goes into the
 * same transaction, and what runs once it has committed.
 */
export interface InsertPlan {
  /** The row to insert. */
  row: TaskRow;
  /** Rows written in the insert's own transaction (the callback job, the attachment check). */
  rows: Omit<NewTask, "task">;
  /** After the commit (given what it stored): counters, background work (attachment fetches, delayed completion). */
  after(stored: StoredTask): void;
  /** The insert failed (a unique_id taken meanwhile): undo what planning wrote outside it (mask files). */
  discard?(): Promise<void>;
}

/** What the task lifecycle does when the HTTP layer creates a task. */
export interface TaskHooks {
  /** Called with the validated pending row just before it is inserted. */
  planInsert(task: TaskRow): Promise<InsertPlan>;
}
