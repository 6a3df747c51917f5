import { useId } from "react";
import styles from "../canvas.module.css";
import { CANVAS_COMMANDS } from "../commands";

/** Gestures that aren't commands, listed after the keys. */
const GESTURES: readonly { keys: string; label: string }[] = [
  { keys: "Wheel", label: "Zoom at the cursor" },
  { keys: "Drag · Space+drag", label: "Pan" },
  { keys: "Pinch · one-finger drag", label: "Zoom · pan on a touch screen" },
  { keys: "↑ ↓ · Enter", label: "Object list: move · select" },
];

/**
 * The toolbar's "Keys" button: the canvas's shortcuts in a popover (the browser's Popover API, so
 * it sits above everything, full screen included, and Esc or a click outside closes it).
 */
export function ShortcutsPopover() {
  const id = useId();
  const rows = [...CANVAS_COMMANDS.map((c) => ({ keys: c.keys, label: c.label })), ...GESTURES];
  return (
    <>
      <button type="button" className={`${styles.btn} ${styles.small}`} popoverTarget={id} title="Keyboard shortcuts" data-testid="canvas-keys">
        Keys
      </button>
      <div id={id} popover="auto" className={styles.popover} role="dialog" aria-label="Canvas shortcuts">
        <div className={styles.popoverTitle}>Canvas shortcuts</div>
        <p className={styles.popoverNote}>While the pointer is over the image or focus is in the canvas.</p>
        <table className={styles.keysTable}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.keys}>
                <th scope="row">
                  <kbd className={styles.key}>{r.keys}</kbd>
                </th>
                <td>{r.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
