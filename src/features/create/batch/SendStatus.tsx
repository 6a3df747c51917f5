// The send step: a progress bar with counts, pause / resume / cancel, and the report at the end.
import type { SendProgress } from "./send";
import css from "./batch.module.css";

interface Props {
  total: number;
  progress: SendProgress;
  onPause(): void;
  onResume(): void;
  onCancel(): void;
  onReport(): void;
}

const STATE_TEXT: Record<SendProgress["state"], string> = {
  running: "Sending…",
  paused: "Paused",
  canceling: "Canceling: waiting for the requests in flight…",
  done: "Done",
  canceled: "Canceled",
};

export function SendStatus({ total, progress, onPause, onResume, onCancel, onReport }: Props) {
  const settled = total - progress.remaining;
  const finished = progress.state === "done" || progress.state === "canceled";
  return (
    <div className={css.send}>
      <progress className={css.bar} aria-label="Batch progress" max={total} value={settled} />
      <p role="status" aria-live="polite" className={css.counts} data-testid="batch-counts">
        <strong>{STATE_TEXT[progress.state]}</strong> · <span data-count="created">{progress.created.toLocaleString()} created</span> ·{" "}
        <span data-count="existing">{progress.existing.toLocaleString()} already existed</span> ·{" "}
        <span data-count="failed" className={progress.failed ? css.bad : undefined}>
          {progress.failed.toLocaleString()} failed
        </span>{" "}
        · <span data-count="remaining">{progress.remaining.toLocaleString()} remaining</span>
        {progress.retries > 0 && <> · {progress.retries.toLocaleString()} retried</>}
      </p>
      <div className={css.actions}>
        {!finished && progress.state !== "canceling" && (
          <>
            {progress.state === "paused" ? (
              <button type="button" className="btn" onClick={onResume}>
                Resume
              </button>
            ) : (
              <button type="button" className="btn" onClick={onPause}>
                Pause
              </button>
            )}
            <button type="button" className="btn btn-danger" onClick={onCancel}>
              Cancel
            </button>
          </>
        )}
        {finished && (
          <button type="button" className="btn btn-primary" onClick={onReport}>
            Download the report (CSV)
          </button>
        )}
      </div>
    </div>
  );
}
