// Status counts per task type; every cell links to the matching task list.
import { Link } from "@tanstack/react-router";
import type { Stats } from "../../client";
import { TASK_STATUSES, isTaskType, taskTypeRegistry } from "../../schema";
import { formatNumber } from "../tasks";
import { typeColor } from "./palette";
import type { DayRange } from "./range";
import styles from "./DashboardPage.module.css";

export function StatusByType({ stats, range, project }: { stats: Stats; range: DayRange; project?: string }) {
  const types = [...new Set(stats.status_by_type.map((r) => r.type))].filter(isTaskType).sort();
  const count = (type: string, status: string) =>
    stats.status_by_type.find((r) => r.type === type && r.status === status)?.count ?? 0;
  const base = { from: range.from, to: range.to, project };
  if (types.length === 0) return <p className="muted">No tasks in this range.</p>;
  return (
    <table className="table table-stack" aria-label="Status by task type">
      <thead>
        <tr>
          <th>Type</th>
          {TASK_STATUSES.map((s) => (
            <th key={s} className="num">
              {s}
            </th>
          ))}
          <th className="num">total</th>
        </tr>
      </thead>
      <tbody>
        {types.map((type) => {
          const total = TASK_STATUSES.reduce((sum, s) => sum + count(type, s), 0);
          return (
            <tr key={type}>
              <td>
                <span className={styles.dot} style={{ background: typeColor(type) }} aria-hidden="true" />
                <Link to="/tasks" search={{ ...base, type }}>
                  {taskTypeRegistry[type].title}
                </Link>
              </td>
              {TASK_STATUSES.map((status) => {
                const n = count(type, status);
                return (
                  <td key={status} className="num" data-label={status}>
                    {n === 0 ? (
                      <span className="faint">0</span>
                    ) : (
                      <Link to="/tasks" search={{ ...base, type, status }}>
                        {formatNumber(n)}
                      </Link>
                    )}
                  </td>
                );
              })}
              <td className="num" data-label="total">
                <Link to="/tasks" search={{ ...base, type }}>
                  <strong>{formatNumber(total)}</strong>
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
