// The editor's commands: mode "edit" of the console's one command registry (src/commands), plus
// one command per tool of the task type (`toolCommands`) and, in mode `edit:<tool>`, the keys a
// tool's states take first (`TOOL_KEY_COMMANDS`). The toolbar buttons, the keyboard handler
// (useEditorInput) and the `?` overlay (EditShortcutHelp) all read these entries.
import { commandForKey, defineCommands, findCommand, formatBinding, shortcutRows, type Command, type KeyLike, type ShortcutRow } from "../../commands";
import { addObjects, removeObjects, setLabel, translateObjects } from "./commands";
import { copyObjects, duplicatedObjects, pastedObjects, PASTE_OFFSET } from "./clipboard";
import type { ToolMachine } from "./machine";
import { selectedObjects } from "./store";
import { deleteVertexAt } from "./tools/select";
import type { EditorParams, EditorStore, ToolDefinition } from "./types";
import type { KindName } from "../scene/types";
import { VIEW_COMMANDS, VIEW_GESTURES } from "../commands";

export interface EditCommandContext {
  editor: EditorStore;
  machine: ToolMachine;
  params: EditorParams;
  kind: KindName | null;
  toggleHelp(): void;
  openLabelPicker(): void;
}

export type { KeyLike };
export type EditCommand = Command<EditCommandContext>;

const hasSelection = (c: EditCommandContext) => c.editor.getState().selection.length > 0;
const vector = (c: EditCommandContext) => c.kind !== null;

function nudge(id: string, label: string, key: string, dx: number, dy: number) {
  return {
    id,
    label,
    keys: [key, `Shift+${key}`],
    keyLabel: formatBinding(key),
    group: "Selection",
    canRun: (c: EditCommandContext) => vector(c) && hasSelection(c) && !c.machine.busy,
    run(c: EditCommandContext, e?: KeyLike) {
      const step = e?.shiftKey ? 10 : 1;
      const s = c.editor.getState();
      const objects = selectedObjects(s);
      // Repeated nudges of the same selection are one history entry.
      c.editor.getState().execute(translateObjects(objects, dx * step, dy * step, `nudge:${s.selection.join(",")}`));
    },
  };
}

export const EDIT_COMMANDS: readonly EditCommand[] = defineCommands<EditCommandContext>("edit", [
  {
    id: "undo",
    label: "Undo (while drawing: cancel the shape)",
    keys: ["Mod+Z"],
    group: "Edit",
    canRun: (c) => c.machine.busy || c.editor.getState().canUndo(),
    run: (c) => {
      if (c.machine.busy) c.machine.cancel();
      else c.editor.getState().undo();
    },
  },
  {
    id: "redo",
    label: "Redo",
    keys: ["Mod+Shift+Z", "Mod+Y"],
    group: "Edit",
    canRun: (c) => !c.machine.busy && c.editor.getState().canRedo(),
    run: (c) => void c.editor.getState().redo(),
  },
  {
    id: "cancel",
    label: "Cancel what is being drawn, else clear the selection",
    keys: ["Escape"],
    group: "Edit",
    canRun: () => true,
    run: (c) => {
      if (c.machine.busy) c.machine.cancel();
      else c.editor.getState().select([]);
    },
  },
  {
    id: "finish",
    label: "Finish the line or polygon being drawn",
    keys: ["Enter"],
    group: "Edit",
    canRun: (c) => c.machine.busy,
    run: (c) => void c.machine.complete(),
  },
  {
    id: "delete",
    label: "Delete the selected vertex, else the selected objects",
    keys: ["Delete", "Backspace"],
    group: "Selection",
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
    keys: ["Mod+D"],
    group: "Selection",
    canRun: (c) => vector(c) && hasSelection(c) && !c.machine.busy,
    run: (c) => {
      const copies = duplicatedObjects(selectedObjects(c.editor.getState()));
      c.editor.getState().execute(addObjects(copies, `Duplicate ${copies.length === 1 ? "1 object" : `${copies.length} objects`}`));
    },
  },
  {
    id: "copy",
    label: "Copy the selection (also to other tasks of this type)",
    keys: ["Mod+C"],
    group: "Selection",
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
    keys: ["Mod+V"],
    group: "Selection",
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
    keys: ["Mod+A"],
    group: "Selection",
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
    keys: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    keyLabel: "1 – 9",
    group: "Labels",
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
    keys: ["T"],
    group: "Labels",
    canRun: (c) => c.params.leaves.length > 0,
    run: (c) => c.openLabelPicker(),
  },
  {
    id: "layers",
    label: "Read-only layers on / off",
    keys: ["H"],
    group: "View",
    canRun: () => true,
    run: (c) => c.editor.getState().setLayersHidden(!c.editor.getState().layersHidden),
  },
  {
    id: "help",
    label: "Show / hide shortcuts",
    keys: ["?"],
    group: "View",
    canRun: () => true,
    run: (c) => c.toggleHelp(),
  },
]);

export function editCommand(id: string): EditCommand {
  return findCommand(EDIT_COMMANDS, id);
}

export function editCommandForKey(e: KeyLike): EditCommand | undefined {
  return commandForKey(EDIT_COMMANDS, e);
}

/** One command per tool of the task type: its key switches to it (the toolbar's buttons show it). */
export function toolCommands(tools: readonly ToolDefinition[]): readonly EditCommand[] {
  return defineCommands<EditCommandContext>(
    "edit",
    tools.map((t) => ({
      id: `tool:${t.id}`,
      label: `${t.label} — ${t.hint}`,
      keys: [t.shortcut.toUpperCase()],
      group: "Tools",
      canRun: (c) => c.machine.toolIds.includes(t.id),
      run: (c) => c.machine.setTool(t.id),
    })),
  );
}

/**
 * Keys the active tool's states take before any command (useEditorInput offers every key to the
 * tool first): listed in the overlay while that tool is active. Run from the keyboard by the tool
 * itself; `run` forwards to the tool the same way for a button.
 */
const forward = (key: string) => (c: EditCommandContext) => void c.machine.key({ key, shift: false, alt: false, mod: false });
const BRUSH_SIZE = [
  { id: "brushSmaller", label: "Smaller brush", keys: ["["], group: "Brush", run: forward("[") },
  { id: "brushLarger", label: "Larger brush", keys: ["]"], group: "Brush", run: forward("]") },
];
const DRAWING = (what: string) => [
  { id: "removeVertex", label: `Remove the last vertex of the ${what} being drawn`, keys: ["Backspace"], group: "Drawing", run: forward("Backspace") },
];
export const TOOL_KEY_COMMANDS: Readonly<Record<string, readonly EditCommand[]>> = {
  line: defineCommands("edit:line", DRAWING("line")),
  polygon: defineCommands("edit:polygon", DRAWING("polygon")),
  brush: defineCommands("edit:brush", BRUSH_SIZE),
  eraser: defineCommands("edit:eraser", BRUSH_SIZE),
  "polygon-fill": defineCommands("edit:polygon-fill", [...BRUSH_SIZE, ...DRAWING("polygon")]),
  "fill-unlabeled": defineCommands("edit:fill-unlabeled", BRUSH_SIZE),
};

/**
 * The viewer's commands that stay live in edit mode: "1" picks a label there (not 100%), Esc
 * cancels or clears the editor's selection, and `?` opens the editor's overlay.
 */
export const VIEW_COMMANDS_IN_EDIT = VIEW_COMMANDS.filter((c) => c.id !== "actualSize" && c.id !== "clearSelection" && c.id !== "help");

/** Every command live in edit mode with these tools, the active tool's keys first (they win). */
export function editModeCommands(tools: readonly ToolDefinition[], activeTool: string): readonly Command<never>[] {
  return [...(TOOL_KEY_COMMANDS[activeTool] ?? []), ...EDIT_COMMANDS, ...toolCommands(tools), ...VIEW_COMMANDS_IN_EDIT] as readonly Command<never>[];
}

/** The edit mode's `?` overlay: tools, the active tool's keys, the editor's commands, the viewer's. */
export function editShortcutRows(tools: readonly ToolDefinition[], activeTool: string, kind: KindName | null): ShortcutRow[] {
  // Segmentation has no vector objects: selection commands don't apply.
  const edit = EDIT_COMMANDS.filter((c) => kind !== null || c.group !== "Selection");
  const active = tools.find((t) => t.id === activeTool);
  return [
    ...shortcutRows(toolCommands(tools)),
    ...shortcutRows(TOOL_KEY_COMMANDS[activeTool] ?? [], active ? `${active.label} tool` : undefined),
    ...shortcutRows(edit),
    ...shortcutRows(VIEW_COMMANDS_IN_EDIT),
    ...VIEW_GESTURES.slice(0, 2).map((g) => ({ ...g, group: "View" })),
  ];
}
