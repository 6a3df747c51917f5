import { Link } from "@tanstack/react-router";
import { isTaskType, taskTypeRegistry } from "../../../schema";
import { formatNumber } from "../../tasks";
import { approvalRate, NO_PROJECT, type BreakdownRow } from "./aggregate";
import styles from "../audit.module.css";

/** The same numbers as the charts, per type and project, with the rate as a bar for scanning. */
export function BreakdownTable({ rows }: { rows: readonly BreakdownRow[] }) {
  return (
    <table className="table table-stack" aria-label="Decisions by type and project">
      <thead>
        <tr>
          <th>Type</th>
          <th>Project</th>
          <th className="num">Approved</th>
          <th className="num">Rejected</th>
          <th>Approval rate</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const rate = approvalRate(r);
          return (
            <tr key={`${r.type}/${r.project ?? ""}`}>
              <td>{isTaskType(r.type) ? taskTypeRegistry[r.type].title : r.type}</td>
              <td data-label="project">{r.project ? <Link to="/projects/$name" params={{ name: r.project }}>{r.project}</Link> : <span className="faint">{NO_PROJECT}</span>}</td>
              <td className="num" data-label="approved">{formatNumber(r.approved)}</td>
              <td className="num" data-label="rejected">{formatNumber(r.rejected)}</td>
              <td data-label="rate">
                <span className={styles.rateCell}>
                  <span className={styles.rateTrack} aria-hidden="true">
                    <span className={styles.rateFill} style={{ width: `${rate ?? 0}%` }} />
                  </span>
                  {rate === null ? "—" : `${rate}%`}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
