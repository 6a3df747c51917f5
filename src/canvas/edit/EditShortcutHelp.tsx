import { ShortcutOverlay } from "../../commands";
import { useEditorRuntime } from "./context";
import { editShortcutRows } from "./editCommands";
import { useEditor } from "./store";

/** The editor's `?` overlay: the registry's edit mode (tools, the active tool's keys, commands, view keys). */
export function EditShortcutHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const { tools, kind } = useEditorRuntime();
  const tool = useEditor((s) => s.tool);
  return (
    <ShortcutOverlay
      open={open}
      onClose={onClose}
      title="Editing shortcuts"
      note="While the pointer is over the image or focus is in the editor; never while typing in a field. Ctrl is ⌘ on a Mac."
      rows={editShortcutRows(tools, tool, kind)}
      testId="edit-shortcuts"
    />
  );
}
