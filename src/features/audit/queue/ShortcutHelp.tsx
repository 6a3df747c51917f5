// The `?` overlay: every audit command from the registry, then the canvas's own keys.
import { useEffect, useRef } from "react";
import { AUDIT_COMMANDS, CANVAS_SHORTCUTS, keyCap } from "../commands";
import styles from "../audit.module.css";

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={styles.help}
      aria-labelledby="audit-help-title"
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className={styles.helpBody}>
        <h2 id="audit-help-title">Keyboard shortcuts</h2>
        <table className="table" aria-label="Review shortcuts">
          <tbody>
            {AUDIT_COMMANDS.map((c) => (
              <tr key={c.id}>
                <td className={styles.keyCell}>
                  <kbd>{keyCap(c.shortcut)}</kbd>
                </td>
                <td>{c.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Not while typing in the feedback box: there, Ctrl+Enter rejects and Esc leaves the box.</p>
        <h3 className={styles.helpSub}>On the canvas (click it first)</h3>
        <table className="table" aria-label="Canvas shortcuts">
          <tbody>
            {CANVAS_SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <td className={styles.keyCell}>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className={styles.helpFooter}>
          <button type="button" className="btn" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
