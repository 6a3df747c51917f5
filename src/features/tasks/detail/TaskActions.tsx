// The task's actions in one toolbar: cancel (pending only), download JSON, copy id, and the
// way into the audit screen (completed only).
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { saveBlob, useCancelTask } from "../../../client";
import type { Task } from "../../../schema";
import { CopyButton } from "../ui/CopyButton";
import { ErrorNotice } from "../ui/states";
import styles from "./detail.module.css";

export function TaskActions({ task }: { task: Task }) {
  const cancel = useCancelTask();
  const [confirming, setConfirming] = useState(false);
  const id = encodeURIComponent(task.task_id);

  return (
    <div className={styles.actionsWrap}>
      <div className={styles.actions} role="toolbar" aria-label="Task actions">
        {task.status === "pending" ? (
          confirming ? (
            <>
              <span className={styles.confirmText}>Cancel this task?</span>
              <button
                type="button"
                className="btn btn-danger"
                disabled={cancel.isPending}
                onClick={() => cancel.mutate(task.task_id, { onSettled: () => setConfirming(false) })}
              >
                {cancel.isPending ? "Canceling…" : "Yes, cancel task"}
              </button>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
              Cancel task
            </button>
          )
        ) : null}
        <button
          type="button"
          className="btn"
          onClick={() =>
            saveBlob(new Blob([JSON.stringify(task, null, 2)], { type: "application/json" }), `task-${task.task_id}.json`)
          }
        >
          Download JSON
        </button>
        <CopyButton text={task.task_id} label="Copy id" className="btn" />
        {task.status === "completed" ? (
          <Link className="btn" to="/audit" search={{ task: id }}>
            Audit
          </Link>
        ) : null}
      </div>
      {cancel.isError ? <ErrorNotice error={cancel.error} title="Cancel failed" /> : null}
    </div>
  );
}
