// The headline numbers. Each one is a link to the task list with the same filters.
import { Link } from "@tanstack/react-router";
import type { Stats } from "../../client";
import type { TaskStatus } from "../../schema";
import { formatDuration, formatNumber, plural } from "../tasks";
import type { DayRange } from "./range";
import styles from "./DashboardPage.module.css";

interface Props {
  stats: Stats;
  range: DayRange;
  project?: string;
}

const STATUS_TILES: { status?: TaskStatus; label: string; key: keyof Stats["totals"] }[] = [
  { label: "Submitted", key: "all" },
  { status: "pending", label: "Pending", key: "pending" },
  { status: "completed", label: "Completed", key: "completed" },
  { status: "canceled", label: "Canceled", key: "canceled" },
  { status: "error", label: "Error", key: "error" },
];

export function StatTiles({ stats, range, project }: Props) {
  const base = { from: range.from, to: range.to, project };
  const c = stats.completion_ms;
  return (
    <div className={styles.tiles}>
      {STATUS_TILES.map((t) => (
        <Link key={t.key} to="/tasks" search={{ ...base, status: t.status }} className={styles.tile} data-testid={`total-${t.key}`}>
          <span className={styles.tileLabel}>{t.label}</span>
          <span className={styles.tileValue}>{formatNumber(stats.totals[t.key])}</span>
        </Link>
      ))}
      <Link to="/tasks" search={{ ...base, status: "completed" }} className={`${styles.tile} ${styles.tileWide}`}>
        <span className={styles.tileLabel}>Completion time ({plural(c.count, "task")})</span>
        <span className={styles.percentiles}>
          <span>
            <small>p50</small> {formatDuration(c.p50)}
          </span>
          <span>
            <small>p90</small> {formatDuration(c.p90)}
          </span>
          <span>
            <small>p99</small> {formatDuration(c.p99)}
          </span>
        </span>
      </Link>
      <Link
        to="/tasks"
        search={{ ...base, callback: "failed" }}
        className={`${styles.tile} ${stats.callback_failures > 0 ? styles.tileAlert : ""}`}
        title="Callbacks that failed after every retry"
      >
        <span className={styles.tileLabel}>Failed callbacks</span>
        <span className={styles.tileValue}>{formatNumber(stats.callback_failures)}</span>
      </Link>
    </div>
  );
}
