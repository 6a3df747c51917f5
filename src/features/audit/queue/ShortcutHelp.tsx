// The `?` overlay of the audit queue: the registry's audit mode, then the canvas's keys.
import { ShortcutOverlay } from "../../../commands";
import { auditShortcutRows } from "../commands";

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ShortcutOverlay
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      note="Not while typing in the feedback box: there, Ctrl+Enter rejects and Esc leaves the box. The canvas's keys work once it has focus or the pointer is over it."
      rows={auditShortcutRows()}
      testId="audit-shortcuts"
    />
  );
}
