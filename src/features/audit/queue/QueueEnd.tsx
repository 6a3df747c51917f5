// The two ends of a queue: nothing to audit, and the summary after the last task.
import { Link } from "@tanstack/react-router";
import { EmptyState } from "../../tasks";
import type { AuditQueue } from "./useAuditQueue";

export function EmptyQueue({ filtered, onDrawAgain }: { filtered: boolean; onDrawAgain: () => void }) {
  return (
    <div className="card" data-testid="audit-empty">
      <EmptyState title="Nothing to audit">
        <p>
          Every completed task{filtered ? " that matches these filters" : ""} has been audited, or none is completed yet.
        </p>
        <p>
          {filtered ? (
            <>
              <Link to="/audit" search={{}}>
                Clear the filters
              </Link>{" "}
              or{" "}
            </>
          ) : null}
          <button type="button" className="btn btn-sm" onClick={onDrawAgain}>
            Look again
          </button>
        </p>
      </EmptyState>
    </div>
  );
}

export function QueueSummary({ queue, onDrawAgain }: { queue: AuditQueue; onDrawAgain: () => void }) {
  const decided = [...queue.decisions.values()];
  const approved = decided.filter((d) => d.accepted).length;
  const skipped = queue.tasks.length - decided.length;
  return (
    <div className="card" data-testid="audit-summary">
      <EmptyState title="End of the sample">
        <p>
          {approved} approved, {decided.length - approved} rejected{skipped ? `, ${skipped} skipped` : ""}.
        </p>
        <p>
          <button type="button" className="btn btn-primary" onClick={onDrawAgain}>
            Draw a new sample
          </button>{" "}
          <Link to="/audit/stats">See the audit stats</Link>
        </p>
      </EmptyState>
    </div>
  );
}
