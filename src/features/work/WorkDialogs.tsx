// The workbench's two dialogs: Skip (with an optional reason) and the `?` shortcuts overlay.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { ShortcutOverlay } from "../../commands";
import type { TaskType } from "../../schema";
import { workShortcutRows } from "./liveCommands";
import styles from "./work.module.css";

function Modal({ open, onClose, labelledBy, children }: { open: boolean; onClose(): void; labelledBy: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={labelledBy} onClose={onClose} onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className={styles.dialogBody}>{children}</div>
    </dialog>
  );
}

export function SkipDialog({ open, busy, error, onClose, onSkip }: { open: boolean; busy: boolean; error: string | null; onClose(): void; onSkip(reason: string): void }) {
  const [reason, setReason] = useState("");
  return (
    <Modal open={open} onClose={onClose} labelledBy="skip-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSkip(reason);
        }}
      >
        <h2 id="skip-title">Skip this task?</h2>
        <p className="muted">It goes back to the queue for others; you won't be offered it again for a while. Your draft stays with the task.</p>
        <label className={styles.field}>
          <span>Reason (optional, recorded in the task's activity)</span>
          <textarea className="input" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus placeholder="e.g. the image doesn't load" />
        </label>
        {error ? (
          <p className={styles.errorText} role="alert">
            {error}
          </p>
        ) : null}
        <div className={styles.dialogFooter}>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? "Skipping…" : "Skip task"}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The `?` overlay: the registry's work mode, the panel's keys and the canvas's (see liveCommands.ts). */
export function WorkHelp({ open, onClose, type, image }: { open: boolean; onClose(): void; type: TaskType; image: boolean }) {
  return (
    <ShortcutOverlay
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      note="Letter and number keys don't fire while you type in a field; Ctrl+Enter (⌘+Enter) always submits. The canvas's keys work while the pointer is over the image or focus is in it."
      rows={workShortcutRows(type, image)}
      testId="work-shortcuts"
    />
  );
}
