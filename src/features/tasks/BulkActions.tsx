import { useState } from "react";
import { useCancelTasks } from "../../client";
import { formatNumber, plural } from "./ui/format";
import styles from "./BulkActions.module.css";

interface Props {
  ids: readonly string[];
  pendingIds: readonly string[];
  onExport: () => void;
  exporting: boolean;
  onClear: () => void;
}

/** Shown while tasks are ticked: cancel the pending ones (after a confirm), export them. */
export function BulkActions({ ids, pendingIds, onExport, exporting, onClear }: Props) {
  const cancel = useCancelTasks();
  const [confirming, setConfirming] = useState(false);
  if (ids.length === 0 && !cancel.data) return null;

  const result = cancel.data;
  return (
    <div className={styles.bar} role="region" aria-label="Bulk actions">
      {ids.length > 0 ? (
        <>
          <strong>{formatNumber(ids.length)} selected</strong>
          {confirming ? (
            <span className={styles.confirm}>
              Cancel {plural(pendingIds.length, "pending task")}? This can't be undone.
              <button
                type="button"
                className="btn btn-sm btn-danger"
                disabled={cancel.isPending}
                onClick={() =>
                  cancel.mutate(pendingIds, {
                    onSettled: () => {
                      setConfirming(false);
                      onClear();
                    },
                  })
                }
              >
                {cancel.isPending ? "Canceling…" : pendingIds.length === 1 ? "Yes, cancel it" : "Yes, cancel them"}
              </button>
              <button type="button" className="btn btn-sm" onClick={() => setConfirming(false)}>
                {pendingIds.length === 1 ? "Keep it" : "Keep them"}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="btn btn-sm"
              disabled={pendingIds.length === 0}
              title={pendingIds.length === 0 ? "Only pending tasks can be canceled" : undefined}
              onClick={() => {
                cancel.reset();
                setConfirming(true);
              }}
            >
              Cancel {formatNumber(pendingIds.length)} pending
            </button>
          )}
          <button type="button" className="btn btn-sm" onClick={onExport} disabled={exporting}>
            Export selected
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={onClear}>
            Clear selection
          </button>
        </>
      ) : null}
      {result ? (
        <span className={result.failures.length ? styles.failed : styles.ok} role="status">
          Canceled {plural(result.canceled, "task")}.
          {result.failures.length
            ? ` ${result.failures.length} failed: ${result.failures[0].message}`
            : ""}
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => cancel.reset()}>
            Dismiss
          </button>
        </span>
      ) : null}
    </div>
  );
}
