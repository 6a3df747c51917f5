// The task list on a narrow screen: one card per task, big enough to tap. The whole card opens
// the task (the id link stretches over it); the checkbox and the project link sit above that.
// A page holds at most 100 tasks, so the cards are not virtualized.
import { Link } from "@tanstack/react-router";
import { taskTypeRegistry, type Task } from "../../schema";
import { thumbnailOf } from "./attachments";
import type { Selection } from "./TaskTable";
import { AuditState, CallbackState, StatusBadge } from "./ui/StatusBadge";
import { Thumbnail } from "./ui/Thumbnail";
import { Timestamp } from "./ui/Timestamp";
import styles from "./TaskCards.module.css";

export function TaskCards({ tasks, selection, label }: { tasks: readonly Task[]; selection?: Selection; label: string }) {
  const ids = tasks.map((t) => t.task_id);
  const allSelected = selection ? ids.length > 0 && ids.every((id) => selection.selected.has(id)) : false;
  return (
    <div className={styles.wrap}>
      {selection ? (
        <label className={styles.selectAll}>
          <input type="checkbox" checked={allSelected} onChange={(e) => selection.toggleAll(ids, e.target.checked)} />
          Select all {ids.length} on this page
        </label>
      ) : null}
      <ul className={styles.list} aria-label={label}>
        {tasks.map((task) => {
          const isSelected = selection?.selected.has(task.task_id) ?? false;
          return (
            <li key={task.task_id} className={`${styles.card} ${isSelected ? styles.selected : ""}`} data-testid="task-row">
              {selection ? (
                <label className={styles.check}>
                  <input
                    type="checkbox"
                    aria-label={`Select task ${task.task_id}`}
                    checked={isSelected}
                    onChange={() => selection.toggle(task.task_id)}
                  />
                </label>
              ) : null}
              <Thumbnail src={thumbnailOf(task)} large />
              <div className={styles.text}>
                <div className={styles.top}>
                  <strong className={styles.type}>{taskTypeRegistry[task.type]?.title ?? task.type}</strong>
                  <StatusBadge status={task.status} />
                </div>
                <Link to="/tasks/$taskId" params={{ taskId: task.task_id }} className={`mono ${styles.id}`}>
                  {task.task_id}
                </Link>
                <div className={styles.meta}>
                  <Timestamp value={task.created_at} short />
                  {task.project ? (
                    <Link to="/projects/$name" params={{ name: task.project }} className={styles.project}>
                      {task.project}
                    </Link>
                  ) : null}
                  {task.urgency === "express" ? <span className={styles.express}>express</span> : null}
                </div>
                <div className={styles.meta}>
                  <span>
                    Callback <CallbackState task={task} />
                  </span>
                  <span>
                    Audit <AuditState task={task} />
                  </span>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
