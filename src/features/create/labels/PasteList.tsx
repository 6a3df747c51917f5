import { useId, useState } from "react";
import { parseLabelList } from "./tree";
import styles from "./labels.module.css";

/** A box to paste a list into when the clipboard can't be read (or to type one). */
export function PasteList({
  wireName,
  nested,
  onInsert,
  onClose,
}: {
  wireName: string;
  nested: boolean;
  onInsert(text: string): void;
  onClose(): void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const count = parseLabelList(text).length;
  return (
    <div className={styles.paste}>
      <label htmlFor={id} className={styles.pasteLabel}>
        Paste labels for <code>{wireName}</code>, one per line{nested ? "; indent a line (spaces or a tab) to nest it under the line above" : ""}
      </label>
      <textarea
        id={id}
        className={`input ${styles.pasteText}`}
        rows={6}
        value={text}
        autoFocus
        spellCheck={false}
        placeholder={nested ? "Vehicle\n  Car\n  Truck\nPedestrian" : "road\nsidewalk\nvegetation"}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onClose()}
      />
      <div className={styles.pasteActions}>
        <button type="button" className="btn btn-sm btn-primary" disabled={count === 0} onClick={() => onInsert(text)}>
          Add {count > 0 ? `${count} top-level` : ""} {count === 1 ? "label" : "labels"}
        </button>
        <button type="button" className="btn btn-sm" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
