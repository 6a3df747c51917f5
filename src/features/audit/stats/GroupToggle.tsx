import { getRouteApi } from "@tanstack/react-router";
import { STATS_GROUPINGS, type StatsGrouping } from "../search";
import styles from "../audit.module.css";

const route = getRouteApi("/audit/stats");
const LABEL: Record<StatsGrouping, string> = { type: "Per type", project: "Per project" };

/** One rate line per task type or per project; the choice is in the URL (`by`). */
export function GroupToggle({ by }: { by: StatsGrouping }) {
  const navigate = route.useNavigate();
  return (
    <div className={styles.segmented} role="group" aria-label="Rate lines">
      {STATS_GROUPINGS.map((g) => (
        <button
          key={g}
          type="button"
          className={`btn btn-sm ${g === by ? styles.presetActive : ""}`}
          aria-pressed={g === by}
          onClick={() => void navigate({ search: (prev) => ({ ...prev, by: g === "type" ? undefined : g }) })}
        >
          {LABEL[g]}
        </button>
      ))}
    </div>
  );
}
