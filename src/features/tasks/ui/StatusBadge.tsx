import type { Task, TaskStatus } from "../../../schema";

const TONE: Record<TaskStatus, string> = {
  pending: "badge-accent",
  completed: "badge-success",
  canceled: "",
  error: "badge-danger",
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  return <span className={`badge ${TONE[status]}`}>{status}</span>;
}

/** Callback delivery as a word: it is only known once the task has finished. */
export function CallbackState({ task }: { task: Task }) {
  if (task.callback_succeeded === true) return <span className="badge badge-success">delivered</span>;
  if (task.callback_succeeded === false) return <span className="badge badge-danger">failed</span>;
  if (task.status === "completed" || task.status === "error") return <span className="badge">sending</span>;
  return <span className="faint">—</span>;
}

export function AuditState({ task }: { task: Task }) {
  if (!task.audit) return <span className="faint">—</span>;
  return task.audit.accepted ? (
    <span className="badge badge-success">approved</span>
  ) : (
    <span className="badge badge-danger">rejected</span>
  );
}
