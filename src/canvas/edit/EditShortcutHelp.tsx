import { useEffect, useRef } from "react";
import { CANVAS_COMMANDS } from "../commands";
import { useEditorRuntime } from "./context";
import { EDIT_COMMANDS } from "./editCommands";
import css from "./edit.module.css";

/** The `?` overlay: the tools, the editor's commands and the viewer's, all read from their registries. */
export function EditShortcutHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { tools, kind } = useEditorRuntime();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const edit = EDIT_COMMANDS.filter((c) => kind !== null || c.group === "View" || c.group === "Labels" || c.id === "undo" || c.id === "redo" || c.id === "cancel");
  // "1" picks a label in edit mode, so the viewer's 100% key is not listed here.
  const view = CANVAS_COMMANDS.filter((c) => c.id !== "actualSize" && c.id !== "clearSelection");
  const rows: { group: string; keys: string; label: string }[] = [
    ...tools.map((t) => ({ group: "Tools", keys: t.shortcut.toUpperCase(), label: `${t.label} — ${t.hint}` })),
    ...edit.map((c) => ({ group: c.group, keys: c.keys, label: c.label })),
    ...view.map((c) => ({ group: "View", keys: c.keys, label: c.label })),
    { group: "View", keys: "Space+drag", label: "Pan (any tool); the wheel zooms at the cursor" },
  ];
  const groups = [...new Set(rows.map((r) => r.group))];
  return (
    <dialog ref={ref} className={css.help} aria-labelledby="edit-help-title" onClose={onClose} onClick={(e) => e.target === e.currentTarget && onClose()}>
      <h2 id="edit-help-title">Editing shortcuts</h2>
      {groups.map((g) => (
        <section key={g}>
          <h3>{g}</h3>
          <table className="table" aria-label={`${g} shortcuts`}>
            <tbody>
              {rows
                .filter((r) => r.group === g)
                .map((r) => (
                  <tr key={`${g}:${r.keys}`}>
                    <td className={css.keyCell}>
                      <kbd>{r.keys}</kbd>
                    </td>
                    <td>{r.label}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <div className={css.helpFooter}>
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
