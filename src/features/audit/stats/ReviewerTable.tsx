import type { AuditStats } from "../../../client";
import { formatNumber } from "../../tasks";
import { approvalRate } from "./aggregate";

/** The range's decisions split by who made them: members by name, API keys by prefix. */
export function ReviewerTable({ rows }: { rows: AuditStats["by_reviewer"] }) {
  return (
    <table className="table" data-testid="reviewer-table">
      <thead>
        <tr>
          <th>Reviewer</th>
          <th style={{ textAlign: "right" }}>Approved</th>
          <th style={{ textAlign: "right" }}>Rejected</th>
          <th style={{ textAlign: "right" }}>Approval rate</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const rate = approvalRate(r);
          return (
            <tr key={r.member_id ?? `key:${r.reviewer}`}>
              <td>
                {r.reviewer} {!r.member_id && /^(test|live)_/.test(r.reviewer) ? <span className="faint">(API key)</span> : null}
              </td>
              <td style={{ textAlign: "right" }}>{formatNumber(r.approved)}</td>
              <td style={{ textAlign: "right" }}>{formatNumber(r.rejected)}</td>
              <td style={{ textAlign: "right" }}>{rate === null ? "—" : `${rate}%`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
