import { useEffect, useRef } from "react";
import type { LabelChoice } from "../../schema";
import { LabelPicker } from "./panel/LabelPicker";
import { useEditor } from "./store";
import css from "./edit.module.css";

/**
 * The label picker as a dialog: opened by a tool's `requestLabel()` (a new object without a
 * current label) or by the current-label chip / `T`. The picker itself is panel/LabelPicker.
 */
export function LabelRequest({
  open,
  labelTree,
  onPick,
  onCancel,
}: {
  open: boolean;
  labelTree: readonly LabelChoice[];
  onPick(leaf: string): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const current = useEditor((s) => s.currentLabel);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={css.labelDialog}
      aria-label="Choose a label"
      data-testid="label-request"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onClick={(e) => e.target === e.currentTarget && onCancel()}
    >
      {open && <LabelPicker labelTree={labelTree} current={current} onPick={onPick} onCancel={onCancel} />}
    </dialog>
  );
}
