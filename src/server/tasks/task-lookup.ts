import type { Db } from "../store/db";
import { getTaskRow, type Scope, type TaskRow } from "../store/tasks";
import { ApiError } from "../http/errors";

const TASK_ID = /^[0-9a-f]{24}$/;

/** The caller's task, or the docs' 404 (another account's or mode's task is not found either). */
export async function findTaskOr404(db: Db, scope: Scope, id: string): Promise<TaskRow> {
  const row = TASK_ID.test(id) ? await getTaskRow(db, scope, id) : undefined;
  if (!row) throw new ApiError(404, `no task with task_id ${id}`);
  return row;
}
