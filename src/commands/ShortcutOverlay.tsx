import { useEffect, useRef, type ReactNode } from "react";
import type { ShortcutRow } from "./registry";
import css from "./shortcuts.module.css";

/**
 * The `?` overlay: every shortcut of the current mode, grouped, as the registry lists them (a
 * modal dialog, so it sits above full screen too; Esc, the backdrop or Close shut it). The
 * screens build the rows with `shortcutRows` from their command sets, in the order to show.
 */
export function ShortcutOverlay({
  open,
  onClose,
  title,
  rows,
  note,
  testId,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  rows: readonly ShortcutRow[];
  /** A line under the title: where the keys work. */
  note?: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const groups = [...new Set(rows.map((r) => r.group))];
  return (
    <dialog
      ref={ref}
      className={`${css.overlay} ${groups.length === 1 ? css.single : ""}`}
      aria-label={title}
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(e) => e.target === e.currentTarget && onClose()}
      data-testid={testId}
    >
      {open && (
        <div className={css.body}>
          {/* Close sits at the top and takes the focus, so the dialog opens scrolled to its title. */}
          <div className={css.head}>
            <h2 className={css.title}>{title}</h2>
            <button type="button" className="btn btn-sm" onClick={onClose} autoFocus>
              Close
            </button>
          </div>
          {note && <p className={css.note}>{note}</p>}
          <div className={css.groups}>
            {groups.map((g) => (
              <section key={g} className={css.group}>
                <h3 className={css.groupTitle}>{g}</h3>
                <table className={css.table} aria-label={`${g} shortcuts`}>
                  <tbody>
                    {rows
                      .filter((r) => r.group === g)
                      .map((r) => (
                        <tr key={`${r.keys}:${r.label}`}>
                          <th scope="row" className={css.keyCell}>
                            <kbd className={css.key}>{r.keys}</kbd>
                          </th>
                          <td>{r.label}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </section>
            ))}
          </div>
        </div>
      )}
    </dialog>
  );
}
