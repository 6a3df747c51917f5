import { taskTypeRegistry, type Task, type TaskParamsOf, type TaskType } from "../../../schema";

/** The task's params parsed by its type's schema (defaults applied); null if they don't parse. */
export function paramsOf<T extends TaskType>(task: Task, type: T): TaskParamsOf<T> | null {
  const r = taskTypeRegistry[type].params.safeParse(task.params);
  return r.success ? (r.data as TaskParamsOf<T>) : null;
}
