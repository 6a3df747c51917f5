// The queue's filters: task type, project and sample size, all in the URL.
import { getRouteApi } from "@tanstack/react-router";
import { useId } from "react";
import { useProjects } from "../../../client";
import { TASK_TYPES, TaskType, taskTypeRegistry } from "../../../schema";
import { DEFAULT_SAMPLE_SIZE, SAMPLE_SIZES } from "../search";
import styles from "../audit.module.css";

const route = getRouteApi("/audit");

export function AuditFilters({ onDrawAgain }: { onDrawAgain: () => void }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const projects = useProjects();
  const typeId = useId();
  const projectId = useId();
  const sizeId = useId();
  const size = search.size ?? DEFAULT_SAMPLE_SIZE;
  // A new filter means a new sample; the asked-for task (?task=) was only for the first one.
  const set = (patch: { type?: TaskType; project?: string; size?: number }) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, task: undefined }) });

  return (
    <div className={styles.filters} role="search" aria-label="Filter the review queue">
      <label className={styles.inline} htmlFor={typeId}>
        Type
        <select
          id={typeId}
          className="select"
          value={search.type ?? ""}
          onChange={(e) => {
            const parsed = TaskType.safeParse(e.target.value);
            set({ type: parsed.success ? parsed.data : undefined });
          }}
        >
          <option value="">All types</option>
          {TASK_TYPES.map((t) => (
            <option key={t} value={t}>
              {taskTypeRegistry[t].title}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.inline} htmlFor={projectId}>
        Project
        <select id={projectId} className="select" value={search.project ?? ""} onChange={(e) => set({ project: e.target.value || undefined })}>
          <option value="">All projects</option>
          {search.project && !projects.data?.some((p) => p.name === search.project) ? (
            <option value={search.project}>{search.project}</option>
          ) : null}
          {projects.data?.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.inline} htmlFor={sizeId}>
        Sample size
        <select
          id={sizeId}
          className="select"
          value={size}
          onChange={(e) => {
            const n = Number(e.target.value);
            set({ size: n === DEFAULT_SAMPLE_SIZE ? undefined : n });
          }}
        >
          {(SAMPLE_SIZES as readonly number[]).includes(size) ? null : <option value={size}>{size}</option>}
          {SAMPLE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n} tasks
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-sm" onClick={onDrawAgain}>
        Draw a new sample
      </button>
    </div>
  );
}
