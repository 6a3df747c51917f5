// /work: what is waiting, per type and project, and "Start labeling", which claims the next task
// (express first, then oldest) for me and opens it. Tasks I still hold are offered to resume.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { TASK_TYPES, TaskType, taskTypeRegistry } from "../../schema";
import { useConsoleConfig, useMe } from "../../client";
import { EmptyState, ErrorNotice, Loading, PageHeader, Section, formatNumber } from "../tasks";
import { workApi } from "./api";
import { filterOf, type WorkSearch } from "./search";
import { workKeys } from "./keys";
import styles from "./work.module.css";

export function WorkQueuePage() {
  const config = useConsoleConfig();
  if (config.data && config.data.api !== "embedded") {
    return (
      <>
        <PageHeader title="Work" />
        <ErrorNotice
          title="The workbench needs the embedded server"
          error={new Error("This console forwards the API to another Scale server (SCALE_API_URL). Tasks are handed out, leased and drafted by this server's own embedded API, so the workbench is only available when the console runs without SCALE_API_URL.")}
        />
      </>
    );
  }
  return <Queue />;
}

function Queue() {
  const search = useSearch({ from: "/work" }) as WorkSearch;
  const navigate = useNavigate();
  const me = useMe();
  const queue = useQuery({ queryKey: workKeys.queue(), queryFn: () => workApi.queue(), refetchInterval: 15_000 });
  const [starting, setStarting] = useState(false);
  const [message, setMessage] = useState<string | null>(search.note ?? null);
  const filter = filterOf(search);
  const setFilter = (next: Partial<WorkSearch>) => void navigate({ to: "/work", search: { ...filter, ...next } });

  const start = async () => {
    setStarting(true);
    setMessage(null);
    try {
      const next = await workApi.next(filter);
      if (!next.item) setMessage(next.reason ?? "Nothing is waiting.");
      else await navigate({ to: "/work/$taskId", params: { taskId: next.item.task.task_id }, search: filter });
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "Could not start.");
    } finally {
      setStarting(false);
    }
  };

  const groups = queue.data?.groups ?? [];
  const projects = [...new Set(groups.map((g) => g.project).filter((p): p is string => p !== null))].sort();
  const shown = groups.filter((g) => (!filter.type || g.type === filter.type) && (!filter.project || g.project === filter.project));
  const waiting = shown.reduce((n, g) => n + g.waiting, 0);
  const testMode = me.data?.mode === "test";

  return (
    <>
      <PageHeader title="Work" subtitle="Pending live tasks, one at a time: express first, then the oldest." />
      <div className={styles.queueStack}>
        <Section title="Start labeling">
          <div className={styles.filterRow}>
            <label className={styles.field}>
              <span>Type</span>
              <select className="select" value={filter.type ?? ""} onChange={(e) => setFilter({ type: TaskType.safeParse(e.target.value).data })}>
                <option value="">Any type</option>
                {TASK_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {taskTypeRegistry[t].title}
                  </option>
                ))}
              </select>
            </label>
            <label className={styles.field}>
              <span>Project</span>
              <select className="select" value={filter.project ?? ""} onChange={(e) => setFilter({ project: e.target.value || undefined })}>
                <option value="">Any project</option>
                {filter.project && !projects.includes(filter.project) ? <option value={filter.project}>{filter.project}</option> : null}
                {projects.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn btn-primary" onClick={start} disabled={starting || testMode} data-testid="start-labeling">
              {starting ? "Claiming…" : "Start labeling"}
            </button>
            <span className="muted" aria-live="polite">
              {queue.data ? `${formatNumber(waiting)} waiting${filter.type || filter.project ? " with these filters" : ""}` : ""}
            </span>
          </div>
          {testMode ? <p className={styles.warn}>The console is in test mode. The work queue holds live tasks only (test-mode tasks are completed automatically): switch to live mode to label.</p> : null}
          {message ? (
            <p className={styles.note} role="status">
              {message}
            </p>
          ) : null}
          {queue.data?.mine.length ? (
            <div className={styles.resume}>
              <strong>You hold {queue.data.mine.length === 1 ? "a task" : `${queue.data.mine.length} tasks`}:</strong>
              {queue.data.mine.map((m) => (
                <Link key={m.task_id} to="/work/$taskId" params={{ taskId: m.task_id }} search={filter} className="btn btn-sm">
                  Resume {taskTypeRegistry[m.type].title} {m.task_id.slice(-6)}
                </Link>
              ))}
            </div>
          ) : null}
        </Section>
        <Section title="Waiting">
          {queue.isPending ? <Loading label="Counting tasks…" /> : null}
          {queue.isError ? <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} /> : null}
          {queue.data && groups.length === 0 ? <EmptyState title="Nothing to label">No pending live task is waiting. New tasks appear here as they are created.</EmptyState> : null}
          {groups.length > 0 ? (
            <div className={styles.tableScroll}>
              <table className="table" aria-label="Pending tasks per type and project">
                <thead>
                  <tr>
                    <th>Type</th>
                    <th>Project</th>
                    <th className="num">Waiting</th>
                    <th className="num">Express</th>
                    <th className="num">In progress</th>
                    <th className={styles.wideOnly}>
                      <span className="visually-hidden">Filter</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((g) => (
                    <tr key={`${g.type}/${g.project ?? ""}`}>
                      <td>{taskTypeRegistry[g.type].title}</td>
                      <td>{g.project ?? <span className="faint">no project</span>}</td>
                      <td className="num">{formatNumber(g.waiting)}</td>
                      <td className="num">{formatNumber(g.express)}</td>
                      <td className="num">{formatNumber(g.held)}</td>
                      <td className={styles.wideOnly}>
                        <button type="button" className="btn btn-sm" onClick={() => setFilter({ type: g.type, project: g.project ?? undefined })}>
                          Only these
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Section>
      </div>
    </>
  );
}
