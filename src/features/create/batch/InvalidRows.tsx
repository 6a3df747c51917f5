// The rows the dry run refused, with the server's messages. The first hundred are listed here;
// every one is in the report.
import { memo } from "react";
import type { PreparedRow } from "./dryRun";
import css from "./batch.module.css";

const SHOWN = 100;

// Memoised: the send step re-renders the panel ten times a second, and these rows don't change.
export const InvalidRows = memo(function InvalidRows({ rows }: { rows: readonly PreparedRow[] }) {
  const invalid = rows.filter((r) => r.errors.length > 0);
  return (
    <div className={css.invalid}>
      <table className={`table ${css.invalidTable}`} aria-label="Invalid rows">
        <thead>
          <tr>
            <th scope="col" className={`num ${css.rowCol}`}>
              Row
            </th>
            <th scope="col" className={css.uidCol}>unique_id</th>
            <th scope="col">Why it would be refused</th>
          </tr>
        </thead>
        <tbody>
          {invalid.slice(0, SHOWN).map((r) => (
            <tr key={r.row} data-row={r.row}>
              <td className="num">{r.row}</td>
              <td>
                <code className={css.uid}>{r.uniqueId}</code>
              </td>
              <td>{r.errors.join("; ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {invalid.length > SHOWN && <p className="muted">…and {invalid.length - SHOWN} more: the report lists every row.</p>}
    </div>
  );
});
