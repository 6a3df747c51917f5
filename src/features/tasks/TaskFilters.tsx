// The filter bar. Every change goes straight to the URL (and resets to the first page); the
// id search waits for a pause in typing so each keystroke isn't a request.
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import { TASK_STATUSES, TaskStatus } from "../../schema";
import { ProjectSelect, TaskTypeSelect } from "./ui/FilterSelects";
import { useNarrowScreen } from "./ui/useNarrowScreen";
import type { FilterProblem, TasksSearch } from "./search";
import styles from "./TaskFilters.module.css";

const route = getRouteApi("/tasks");

/** `problem`: what makes the current filter unable to match, shown beside the fields at fault. */
export function TaskFilters({ problem }: { problem: FilterProblem | null }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const ids = {
    status: useId(),
    type: useId(),
    project: useId(),
    callback: useId(),
    from: useId(),
    to: useId(),
    q: useId(),
    qError: useId(),
    form: useId(),
    datesError: useId(),
  };
  const qProblem = problem?.field === "q" ? problem : null;
  const datesProblem = problem?.field === "dates" ? problem : null;
  const [q, setQ] = useState(search.q ?? "");

  const update = (patch: Partial<TasksSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, offset: undefined }) });

  // Keep the box in step when the URL changes from elsewhere (back button, a link).
  useEffect(() => setQ(search.q ?? ""), [search.q]);
  useEffect(() => {
    const next = q.trim() || undefined;
    if (next === search.q) return;
    const timer = window.setTimeout(() => update({ q: next }), 300);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing should trigger this
  }, [q]);

  const active = [search.status, search.type, search.project, search.from || search.to, search.q, search.callback].filter(Boolean).length;
  const hasFilters = active > 0;
  // On a phone the bar is folded behind a button (it would push the list below the fold),
  // except while a filter is wrong: then the field at fault must be in view.
  const narrow = useNarrowScreen();
  const [open, setOpen] = useState(false);
  const shown = !narrow || open || problem !== null;

  return (
    <>
      {narrow ? (
        <button
          type="button"
          className={`btn ${styles.toggle}`}
          aria-expanded={shown}
          aria-controls={ids.form}
          onClick={() => setOpen((o) => !o)}
          disabled={problem !== null}
        >
          {shown ? "Hide filters" : "Filters"}
          {active > 0 ? <span className="badge badge-accent">{active} active</span> : null}
        </button>
      ) : null}
      {shown ? (
        <form id={ids.form} className={styles.bar} role="search" aria-label="Filter tasks" onSubmit={(e) => e.preventDefault()}>
          <div className={`field ${styles.idField}`}>
            <label htmlFor={ids.q}>Task id</label>
            <input
              id={ids.q}
              className={`input mono ${styles.search}`}
              type="search"
              placeholder="id or prefix"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              spellCheck={false}
              aria-invalid={qProblem ? true : undefined}
              aria-describedby={qProblem ? ids.qError : undefined}
            />
            {qProblem ? (
              <p id={ids.qError} className={styles.error} role="alert">
                Not a task id: ids use 0-9 and a-f, 24 characters at most.
              </p>
            ) : null}
          </div>
          <label className="field" htmlFor={ids.status}>
            <span>Status</span>
            <select
              id={ids.status}
              className="select"
              value={search.status ?? ""}
              onChange={(e) => update({ status: TaskStatus.safeParse(e.target.value).data })}
            >
              <option value="">Any status</option>
              {TASK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={ids.type}>
            <span>Type</span>
            <TaskTypeSelect id={ids.type} value={search.type} onChange={(type) => update({ type })} anyLabel="Any type" />
          </label>
          <label className="field" htmlFor={ids.project}>
            <span>Project</span>
            <ProjectSelect id={ids.project} value={search.project} onChange={(project) => update({ project })} anyLabel="Any project" />
          </label>
          <label className="field" htmlFor={ids.callback}>
            <span>Callback</span>
            <select
              id={ids.callback}
              className="select"
              value={search.callback ?? ""}
              onChange={(e) => update({ callback: e.target.value === "delivered" || e.target.value === "failed" ? e.target.value : undefined })}
            >
              <option value="">Any callback</option>
              <option value="delivered">delivered</option>
              <option value="failed">failed</option>
            </select>
          </label>
          <fieldset className={styles.dates} aria-describedby={datesProblem ? ids.datesError : undefined}>
            <legend className="visually-hidden">Created between (UTC days)</legend>
            <label className="field" htmlFor={ids.from}>
              <span>Created from (UTC)</span>
              <input
                id={ids.from}
                className="input"
                type="date"
                value={search.from ?? ""}
                max={search.to}
                aria-invalid={datesProblem ? true : undefined}
                aria-describedby={datesProblem ? ids.datesError : undefined}
                onChange={(e) => update({ from: e.target.value || undefined })}
              />
            </label>
            <label className="field" htmlFor={ids.to}>
              <span>to (UTC)</span>
              <input
                id={ids.to}
                className="input"
                type="date"
                value={search.to ?? ""}
                min={search.from}
                aria-invalid={datesProblem ? true : undefined}
                aria-describedby={datesProblem ? ids.datesError : undefined}
                onChange={(e) => update({ to: e.target.value || undefined })}
              />
            </label>
            {datesProblem ? (
              <span id={ids.datesError} className={styles.error} role="alert">
                "From" is after "to".{" "}
                <button type="button" className={styles.fix} onClick={() => update({ from: search.to, to: search.from })}>
                  Swap the dates
                </button>
              </span>
            ) : null}
          </fieldset>
          {hasFilters ? (
            <button
              type="button"
              className={`btn btn-ghost ${styles.clear}`}
              onClick={() => {
                setQ("");
                void navigate({ search: (prev) => ({ limit: prev.limit }) });
              }}
            >
              Clear filters
            </button>
          ) : null}
        </form>
      ) : null}
    </>
  );
}
