// The editor's commands, in ONE registry beside the viewer's (../commands.ts): the toolbar
// buttons, the keyboard handler and the `?` overlay all read these entries. Tools come from the
// tool registry (each tool's `shortcut`) and are listed by the overlay from there.
import { addObjects, removeObjects, setLabel, translateObjects } from "./commands";
import { copyObjects, duplicatedObjects, pastedObjects, PASTE_OFFSET } from "./clipboard";
import type { ToolMachine } from "./machine";
import { selectedObjects } from "./store";
import { deleteVertexAt } from "./tools/select";
import type { EditorParams, EditorStore } from "./types";
import type { KindName } from "../scene/types";

export interface EditCommandContext {
  editor: EditorStore;
  machine: ToolMachine;
  params: EditorParams;
  kind: KindName | null;
  toggleHelp(): void;
  openLabelPicker(): void;
}

export type KeyLike = Pick<KeyboardEvent, "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey">;

export interface EditCommand {
  id: string;
  label: string;
  /** How the key is written in the help and on buttons. */
  keys: string;
  group: "Edit" | "Selection" | "Labels" | "View";
  matches(e: KeyLike): boolean;
  canRun(ctx: EditCommandContext): boolean;
  run(ctx: EditCommandContext, e?: KeyLike): void;
}

const mod = (e: KeyLike) => e.ctrlKey || e.metaKey;
const plain = (e: KeyLike) => !e.ctrlKey && !e.metaKey && !e.altKey;
const hasSelection = (c: EditCommandContext) => c.editor.getState().selection.length > 0;
const vector = (c: EditCommandContext) => c.kind !== null;

function nudge(id: string, label: string, key: string, dx: number, dy: number): EditCommand {
  return {
    id,
    label,
    keys: key === "ArrowLeft" ? "←" : key === "ArrowRight" ? "→" : key === "ArrowUp" ? "↑" : "↓",
    group: "Selection",
    matches: (e) => e.key === key && !mod(e) && !e.altKey,
    canRun: (c) => vector(c) && hasSelection(c) && !c.machine.busy,
    run(c, e) {
      const step = e?.shiftKey ? 10 : 1;
      const s = c.editor.getState();
      const objects = selectedObjects(s);
      // Repeated nudges of the same selection are one history entry.
      c.editor.getState().execute(translateObjects(objects, dx * step, dy * step, `nudge:${s.selection.join(",")}`));
    },
  };
}

export const EDIT_COMMANDS: readonly EditCommand[] = [
  {
    id: "undo",
    label: "Undo (while drawing: cancel the shape)",
    keys: "Ctrl+Z",
    group: "Edit",
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === "z",
    canRun: (c) => c.machine.busy || c.editor.getState().canUndo(),
    run: (c) => {
      if (c.machine.busy) c.machine.cancel();
      else c.editor.getState().undo();
    },
  },
  {
    id: "redo",
    label: "Redo",
    keys: "Shift+Ctrl+Z / Ctrl+Y",
    group: "Edit",
    matches: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === "z") || (!e.shiftKey && e.key.toLowerCase() === "y")),
    canRun: (c) => !c.machine.busy && c.editor.getState().canRedo(),
    run: (c) => void c.editor.getState().redo(),
  },
  {
    id: "cancel",
    label: "Cancel what is being drawn, else clear the selection",
    keys: "Esc",
    group: "Edit",
    matches: (e) => e.key === "Escape",
    canRun: () => true,
    run: (c) => {
      if (c.machine.busy) c.machine.cancel();
      else c.editor.getState().select([]);
    },
  },
  {
    id: "finish",
    label: "Finish the line or polygon being drawn",
    keys: "Enter",
    group: "Edit",
    matches: (e) => e.key === "Enter" && plain(e),
    canRun: (c) => c.machine.busy,
    run: (c) => void c.machine.complete(),
  },
  {
    id: "delete",
    label: "Delete the selected vertex, else the selected objects",
    keys: "Delete",
    group: "Selection",
    matches: (e) => (e.key === "Delete" || e.key === "Backspace") && plain(e),
    canRun: (c) => vector(c) && hasSelection(c) && !c.machine.busy,
    run: (c) => {
      const s = c.editor.getState();
      if (s.selectedVertex) deleteVertexAt(c.machine.ctx, s.selectedVertex.id, s.selectedVertex.index);
      else s.execute(removeObjects(s.selection));
    },
  },
  {
    id: "duplicate",
    label: "Duplicate the selection",
    keys: "Ctrl+D",
    group: "Selection",
    matches: (e) => mod(e) && e.key.toLowerCase() === "d",
    canRun: (c) => vector(c) && hasSelection(c) && !c.machine.busy,
    run: (c) => {
      const copies = duplicatedObjects(selectedObjects(c.editor.getState()));
      c.editor.getState().execute(addObjects(copies, `Duplicate ${copies.length === 1 ? "1 object" : `${copies.length} objects`}`));
    },
  },
  {
    id: "copy",
    label: "Copy the selection (also to other tasks of this type)",
    keys: "Ctrl+C",
    group: "Selection",
    matches: (e) => mod(e) && e.key.toLowerCase() === "c",
    canRun: (c) => vector(c) && hasSelection(c),
    run: (c) => {
      const objects = selectedObjects(c.editor.getState());
      copyObjects(c.params.taskType, objects);
      c.editor.getState().notify(`Copied ${objects.length === 1 ? "1 object" : `${objects.length} objects`}.`);
    },
  },
  {
    id: "paste",
    label: "Paste",
    keys: "Ctrl+V",
    group: "Selection",
    matches: (e) => mod(e) && e.key.toLowerCase() === "v",
    canRun: (c) => vector(c) && !c.machine.busy,
    run: (c) => {
      if (!c.kind) return;
      const ids = new Set(c.editor.getState().document.objects.map((o) => JSON.stringify(o.annotation)));
      let objects = pastedObjects(c.params.taskType, c.kind, 0);
      // Pasting into the task they came from: offset, so the copies don't hide the originals.
      if (objects.some((o) => ids.has(JSON.stringify(o.annotation)))) objects = pastedObjects(c.params.taskType, c.kind, PASTE_OFFSET);
      if (objects.length === 0) {
        c.editor.getState().notify(`Nothing to paste: copy objects of a ${c.params.taskType} task first.`, "error");
        return;
      }
      c.editor.getState().execute(addObjects(objects, `Paste ${objects.length === 1 ? "1 object" : `${objects.length} objects`}`));
    },
  },
  {
    id: "selectAll",
    label: "Select all objects",
    keys: "Ctrl+A",
    group: "Selection",
    matches: (e) => mod(e) && e.key.toLowerCase() === "a",
    canRun: (c) => vector(c) && !c.machine.busy,
    run: (c) => c.editor.getState().select(c.editor.getState().document.objects.map((o) => o.id)),
  },
  nudge("nudgeLeft", "Nudge left (Shift: 10 px)", "ArrowLeft", -1, 0),
  nudge("nudgeRight", "Nudge right (Shift: 10 px)", "ArrowRight", 1, 0),
  nudge("nudgeUp", "Nudge up (Shift: 10 px)", "ArrowUp", 0, -1),
  nudge("nudgeDown", "Nudge down (Shift: 10 px)", "ArrowDown", 0, 1),
  {
    id: "pickLabel",
    label: "Current label: the n-th leaf (and relabel the selection)",
    keys: "1 – 9",
    group: "Labels",
    matches: (e) => plain(e) && /^[1-9]$/.test(e.key),
    canRun: (c) => c.params.leaves.length > 0,
    run: (c, e) => {
      const leaf = c.params.leaves[Number(e?.key ?? "1") - 1];
      if (!leaf) return;
      const s = c.editor.getState();
      s.setCurrentLabel(leaf);
      const objects = selectedObjects(s);
      // Changing the label of the selected objects is one action.
      if (objects.length > 0 && vector(c)) s.execute(setLabel(objects, leaf, c.params.attributes));
    },
  },
  {
    id: "labelPicker",
    label: "Choose the current label (search)",
    keys: "T",
    group: "Labels",
    matches: (e) => plain(e) && e.key.toLowerCase() === "t",
    canRun: (c) => c.params.leaves.length > 0,
    run: (c) => c.openLabelPicker(),
  },
  {
    id: "layers",
    label: "Read-only layers on / off",
    keys: "H",
    group: "View",
    matches: (e) => plain(e) && e.key.toLowerCase() === "h",
    canRun: () => true,
    run: (c) => c.editor.getState().setLayersHidden(!c.editor.getState().layersHidden),
  },
  {
    id: "help",
    label: "Show / hide shortcuts",
    keys: "?",
    group: "View",
    matches: (e) => e.key === "?",
    canRun: () => true,
    run: (c) => c.toggleHelp(),
  },
];

export function editCommand(id: string): EditCommand {
  const c = EDIT_COMMANDS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown edit command ${id}`);
  return c;
}

export function editCommandForKey(e: KeyLike): EditCommand | undefined {
  return EDIT_COMMANDS.find((c) => c.matches(e));
}
