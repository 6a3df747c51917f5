// The queue's filters: task type, project and sample size, all in the URL.
import { getRouteApi } from "@tanstack/react-router";
import { useId } from "react";
import type { TaskType } from "../../../schema";
import { ProjectSelect, TaskTypeSelect } from "../../tasks";
import { DEFAULT_SAMPLE_SIZE, SAMPLE_SIZES } from "../search";
import styles from "../audit.module.css";

const route = getRouteApi("/audit");

export function AuditFilters({ onDrawAgain }: { onDrawAgain: () => void }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const typeId = useId();
  const projectId = useId();
  const sizeId = useId();
  const size = search.size ?? DEFAULT_SAMPLE_SIZE;
  // A new filter means a new sample; the asked-for task (?task=) was only for the first one.
  const set = (patch: { type?: TaskType; project?: string; size?: number }) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, task: undefined, sample: undefined, pos: undefined }) });

  return (
    <div className={styles.filters} role="search" aria-label="Filter the review queue">
      <label className={styles.inline} htmlFor={typeId}>
        Type
        <TaskTypeSelect id={typeId} value={search.type} onChange={(type) => set({ type })} />
      </label>
      <label className={styles.inline} htmlFor={projectId}>
        Project
        <ProjectSelect id={projectId} value={search.project} onChange={(project) => set({ project })} />
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
