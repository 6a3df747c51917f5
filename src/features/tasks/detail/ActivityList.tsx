import { useTaskActivity } from "../../../client";
import type { Task } from "../../../schema";
import { Timestamp } from "../ui/Timestamp";
import { ErrorNotice, Loading } from "../ui/states";
import { Section } from "./Section";
import styles from "./detail.module.css";

/** Who did what to the task and when (members by name, API keys by prefix), newest first. */
export function ActivityList({ task }: { task: Task }) {
  const activity = useTaskActivity(task.task_id);
  return (
    <Section title="Activity">
      {activity.isPending ? (
        <Loading label="Loading activity…" />
      ) : activity.isError ? (
        <ErrorNotice error={activity.error} title="Activity unavailable" onRetry={() => void activity.refetch()} />
      ) : activity.data.activity.length === 0 ? (
        <p className="muted">Nobody has acted on this task in the console yet.</p>
      ) : (
        <ol className={styles.auditList} data-testid="activity">
          {[...activity.data.activity].reverse().map((a, i) => (
            <li key={`${a.at}-${i}`}>
              <div className={styles.auditHead}>
                <strong>{a.actor}</strong>
                <span>{a.action}</span>
                <span className="muted">
                  <Timestamp value={a.at} short />
                </span>
              </div>
              {a.detail ? <p className={styles.auditComment}>{a.detail}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
