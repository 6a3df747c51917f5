// Date range (UTC days) and project for the overview; all of it lives in the URL.
import { getRouteApi } from "@tanstack/react-router";
import { useId } from "react";
import { ProjectSelect } from "../tasks";
import { addDays, PRESETS, todayUtc, type DayRange } from "./range";
import styles from "./DashboardPage.module.css";

const route = getRouteApi("/");

export function RangeControls({ range }: { range: DayRange }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const fromId = useId();
  const toId = useId();
  const projectId = useId();
  const today = todayUtc();

  return (
    <div className={styles.controls}>
      <div className={styles.presets} role="group" aria-label="Date range presets">
        {PRESETS.map((p) => {
          const from = addDays(today, -(p.days - 1));
          const active = range.to === today && range.from === from;
          return (
            <button
              key={p.days}
              type="button"
              className={`btn btn-sm ${active ? styles.presetActive : ""}`}
              aria-pressed={active}
              onClick={() => void navigate({ search: (prev) => ({ ...prev, from: p.days === 30 ? undefined : from, to: undefined }) })}
            >
              {p.label}
            </button>
          );
        })}
      </div>
      <label className={styles.inline} htmlFor={fromId}>
        From
        <input
          id={fromId}
          className="input"
          type="date"
          value={range.from}
          max={range.to}
          onChange={(e) => e.target.value && void navigate({ search: (prev) => ({ ...prev, from: e.target.value }) })}
        />
      </label>
      <label className={styles.inline} htmlFor={toId}>
        to
        <input
          id={toId}
          className="input"
          type="date"
          value={range.to}
          min={range.from}
          onChange={(e) =>
            e.target.value && void navigate({ search: (prev) => ({ ...prev, from: range.from, to: e.target.value }) })
          }
        />
        <span className="faint">UTC</span>
      </label>
      <label className={styles.inline} htmlFor={projectId}>
        Project
        <ProjectSelect
          id={projectId}
          value={search.project}
          onChange={(project) => void navigate({ search: (prev) => ({ ...prev, project }) })}
        />
      </label>
    </div>
  );
}
