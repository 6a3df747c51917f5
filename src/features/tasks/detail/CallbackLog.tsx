// Callback delivery: where it goes, every attempt the dispatcher made, and Resend.
import { useResendCallback, useTaskCallbacks } from "../../../client";
import type { Task } from "../../../schema";
import { CallbackState } from "../ui/StatusBadge";
import { formatTimeOfDay } from "../ui/format";
import { ErrorNotice, Loading } from "../ui/states";
import { Section } from "./Section";
import styles from "./detail.module.css";

export function CallbackLog({ task }: { task: Task }) {
  const log = useTaskCallbacks(task.task_id);
  const resend = useResendCallback(task.task_id);
  const finished = task.status === "completed" || task.status === "error";

  return (
    <Section
      title="Callback"
      id="callback"
      actions={
        <button
          type="button"
          className="btn btn-sm"
          disabled={!finished || !task.callback_url || resend.isPending}
          title={finished ? undefined : "Callbacks are sent when a task is completed or fails"}
          onClick={() => resend.mutate(undefined, { onSuccess: () => void log.refetch() })}
        >
          {resend.isPending ? "Resending…" : "Resend callback"}
        </button>
      }
    >
      <dl className="kv">
        <dt>URL</dt>
        <dd className="mono">{task.callback_url ?? <span className="faint">none (no default callback URL)</span>}</dd>
        <dt>Delivery</dt>
        <dd>
          <CallbackState task={task} />
        </dd>
      </dl>
      {resend.isError ? <ErrorNotice error={resend.error} title="Resend failed" /> : null}
      {resend.isSuccess ? (
        <p className={styles.ok} role="status">
          Callback queued for delivery.
        </p>
      ) : null}
      <h3 className={styles.subhead}>Delivery log</h3>
      {log.isPending ? (
        <Loading label="Loading delivery log…" />
      ) : log.isError ? (
        <ErrorNotice error={log.error} title="Delivery log unavailable" onRetry={() => void log.refetch()} />
      ) : log.data.attempts.length === 0 ? (
        <p className="muted">{log.data.pending ? "Waiting for the first attempt…" : "No delivery attempts yet."}</p>
      ) : (
        <>
          {/* Compact, and scrolls inside the card on a narrow column instead of running past its padding. */}
          <div className={styles.logScroll} tabIndex={0} role="region" aria-label="Delivery log">
          <table className={`table ${styles.logTable}`} aria-label="Callback attempts">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>When</th>
                <th className="num">HTTP</th>
                <th className="num">Latency</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {log.data.attempts.map((a) => (
                <tr key={`${a.attempt}-${a.at}`}>
                  <td className="num">{a.attempt}</td>
                  <td className={styles.nowrap}>
                    <time dateTime={a.at} title={a.at}>
                      {formatTimeOfDay(a.at)}
                    </time>
                  </td>
                  <td className="num">{a.status_code ?? "—"}</td>
                  <td className="num">{a.latency_ms === null ? "—" : `${Math.round(a.latency_ms)} ms`}</td>
                  <td>
                    {a.succeeded ? (
                      <span className="badge badge-success">ok</span>
                    ) : (
                      <span className={styles.failText} title={a.error ?? undefined}>
                        {a.error ?? "failed"}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {log.data.pending ? <p className="muted">More attempts are scheduled.</p> : null}
        </>
      )}
    </Section>
  );
}
