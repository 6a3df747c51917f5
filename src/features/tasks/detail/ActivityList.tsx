import { useTaskActivity } from "../../../client";
import type { Task } from "../../../schema";
import { Timestamp } from "../ui/Timestamp";
import { ErrorNotice, Loading } from "../ui/states";
import { Section } from "./Section";
import { useWorkSummary } from "../../work";
import styles from "./detail.module.css";

/** Who did what to the task and when (members by name, API keys by prefix), newest first. */
export function ActivityList({ task }: { task: Task }) {
  const activity = useTaskActivity(task.task_id);
  return (
    <Section title="Activity">
      <WorkTime taskId={task.task_id} />
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

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Time spent in the workbench: lease-held time per person (claim to submit/skip, or to the last renewal). */
function WorkTime({ taskId }: { taskId: string }) {
  const summary = useWorkSummary(taskId);
  const data = summary.data;
  if (!data || (data.sessions.length === 0 && !data.lease)) return null;
  const perPerson = new Map<string, number>();
  for (const s of data.sessions) perPerson.set(s.holder.name, (perPerson.get(s.holder.name) ?? 0) + s.ms);
  return (
    <p className={styles.workTime} data-testid="time-spent">
      <strong>Time spent: {duration(data.time_spent_ms)}</strong>
      {perPerson.size ? ` (${[...perPerson].map(([name, ms]) => `${name} ${duration(ms)}`).join(", ")})` : ""}
      {data.lease ? ` · ${data.lease.holder.name} is working on it now` : ""}
    </p>
  );
}
