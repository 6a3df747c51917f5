import { Link } from "@tanstack/react-router";
import { useTaskAudits } from "../../../client";
import type { Task } from "../../../schema";
import { Timestamp } from "../ui/Timestamp";
import { ErrorNotice, Loading } from "../ui/states";
import { Section } from "./Section";
import styles from "./detail.module.css";

/** Every approve / reject decision on the task, newest first. */
export function AuditHistory({ task }: { task: Task }) {
  const audits = useTaskAudits(task.task_id);
  return (
    <Section
      title="Audit history"
      actions={
        // Only completed tasks can be audited (the API refuses the others).
        task.status === "completed" ? (
          <Link className="btn btn-sm" to="/audit" search={{ task: task.task_id }}>
            Audit this task
          </Link>
        ) : undefined
      }
    >
      {audits.isPending ? (
        <Loading label="Loading audits…" />
      ) : audits.isError ? (
        <ErrorNotice error={audits.error} title="Audit history unavailable" onRetry={() => void audits.refetch()} />
      ) : audits.data.audits.length === 0 ? (
        <p className="muted">Not audited yet.</p>
      ) : (
        <ol className={styles.auditList}>
          {[...audits.data.audits]
            .sort((a, b) => b.audited_at.localeCompare(a.audited_at))
            .map((a) => (
              <li key={`${a.audited_at}-${a.audited_by}`}>
                <div className={styles.auditHead}>
                  {a.accepted ? <span className="badge badge-success">approved</span> : <span className="badge badge-danger">rejected</span>}
                  <span className="muted">
                    by {a.audited_by}, <Timestamp value={a.audited_at} short />
                  </span>
                </div>
                {a.comments ? <p className={styles.auditComment}>{a.comments}</p> : null}
              </li>
            ))}
        </ol>
      )}
    </Section>
  );
}
