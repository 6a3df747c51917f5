// Range (UTC days), type and project of the stats; all of it in the URL.
import { getRouteApi } from "@tanstack/react-router";
import { useId } from "react";
import { ProjectSelect, TaskTypeSelect } from "../../tasks";
import type { AuditStatsSearch } from "../search";
import { addDays, DEFAULT_RANGE_DAYS, PRESETS, todayUtc, type DayRange } from "./range";
import styles from "../audit.module.css";

const route = getRouteApi("/audit/stats");

export function StatsControls({ range }: { range: DayRange }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const ids = { from: useId(), to: useId(), type: useId(), project: useId() };
  const today = todayUtc();
  const set = (patch: Partial<AuditStatsSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });

  return (
    <div className={styles.filters} role="search" aria-label="Filter the audit stats">
      <div className={styles.presets} role="group" aria-label="Date range presets">
        {PRESETS.map((days) => {
          const from = addDays(today, -(days - 1));
          const active = range.to === today && range.from === from;
          return (
            <button
              key={days}
              type="button"
              className={`btn btn-sm ${active ? styles.presetActive : ""}`}
              aria-pressed={active}
              onClick={() => set({ from: days === DEFAULT_RANGE_DAYS ? undefined : from, to: undefined })}
            >
              {days === 365 ? "1 year" : `${days} days`}
            </button>
          );
        })}
      </div>
      <label className={styles.inline} htmlFor={ids.from}>
        From
        <input id={ids.from} className="input" type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && set({ from: e.target.value })} />
      </label>
      <label className={styles.inline} htmlFor={ids.to}>
        to
        <input
          id={ids.to}
          className="input"
          type="date"
          value={range.to}
          min={range.from}
          onChange={(e) => e.target.value && set({ from: range.from, to: e.target.value })}
        />
        <span className="faint">UTC</span>
      </label>
      <label className={styles.inline} htmlFor={ids.type}>
        Type
        <TaskTypeSelect id={ids.type} value={search.type} onChange={(type) => set({ type })} />
      </label>
      <label className={styles.inline} htmlFor={ids.project}>
        Project
        <ProjectSelect id={ids.project} value={search.project} onChange={(project) => set({ project })} />
      </label>
    </div>
  );
}
