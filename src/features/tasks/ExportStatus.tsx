import { formatNumber, plural } from "./ui/format";
import type { ExportState } from "./useTaskExport";
import styles from "./ExportStatus.module.css";

/** Progress bar with a cancel button while an export streams; the outcome afterwards. */
export function ExportStatus({
  state,
  onCancel,
  onDismiss,
}: {
  state: ExportState;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  if (state.phase === "idle") return null;
  if (state.phase === "running") {
    const { received, total } = state.progress;
    const pct = total ? Math.min(100, Math.round((received / total) * 100)) : undefined;
    return (
      <div className={styles.box} role="status" aria-live="polite">
        <span>
          Exporting {state.label}: {total !== null ? `${formatNumber(received)} of ${plural(total, "task")}` : plural(received, "task")}
        </span>
        <progress className={styles.bar} max={total ?? undefined} value={total ? received : undefined} aria-label="Export progress">
          {pct !== undefined ? `${pct}%` : undefined}
        </progress>
        <button type="button" className="btn btn-sm" onClick={onCancel}>
          Cancel export
        </button>
      </div>
    );
  }
  const message =
    state.phase === "done"
      ? `Export finished: ${plural(state.count, "task")} saved as JSON.`
      : state.phase === "canceled"
        ? "Export canceled."
        : `Export failed: ${state.message}`;
  return (
    <div className={`${styles.box} ${state.phase === "failed" ? styles.failed : ""}`} role="status">
      <span>{message}</span>
      <button type="button" className="btn btn-sm btn-ghost" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
