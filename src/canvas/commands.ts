// The viewer's commands: mode "view" of the console's one command registry (src/commands). The
// toolbar buttons, the keyboard handler, the README table and the `?` overlay (the canvas's own,
// the editor's, the audit queue's and the workbench's) all read these entries, so a key is changed in one place.
import { commandForKey, defineCommands, findCommand, shortcutRows, type Command, type KeyLike, type ShortcutRow } from "../commands";
import { actualSize, fitImage, zoomAt } from "../geometry";
import { FIT_PADDING_PX } from "./interaction/useViewportGestures";
import type { CanvasStore } from "./store";

/** What a command acts on: the canvas's store and the component's own view toggles. */
export interface CanvasCommandContext {
  store: CanvasStore;
  toggleFullscreen(): void;
  /** Opens the canvas's `?` overlay; absent where the page has its own (the audit queue). */
  toggleHelp?(): void;
}

export type CanvasCommandId = "zoomIn" | "zoomOut" | "fit" | "actualSize" | "labels" | "masks" | "clearSelection" | "fullscreen" | "help";
export type CanvasCommand = Command<CanvasCommandContext> & { id: CanvasCommandId };

export const ZOOM_STEP = 1.25;

const zoomBy = (store: CanvasStore, factor: number) => {
  const s = store.getState();
  s.setView(zoomAt(s.view, factor, s.viewport.width / 2, s.viewport.height / 2));
};

export const VIEW_COMMANDS = defineCommands<CanvasCommandContext>("view", [
  { id: "zoomIn", label: "Zoom in", keys: ["+", "="], keyLabel: "+", group: "View", run: (c) => zoomBy(c.store, ZOOM_STEP) },
  { id: "zoomOut", label: "Zoom out", keys: ["-", "_"], keyLabel: "−", group: "View", run: (c) => zoomBy(c.store, 1 / ZOOM_STEP) },
  {
    id: "fit",
    label: "Fit the image to the screen",
    keys: ["F"],
    group: "View",
    run: ({ store }) => {
      const s = store.getState();
      if (s.imageSize) s.setView(fitImage(s.imageSize, s.viewport, FIT_PADDING_PX));
    },
  },
  {
    id: "actualSize",
    label: "100% (one image pixel per screen pixel)",
    keys: ["1"],
    group: "View",
    run: ({ store }) => {
      const s = store.getState();
      s.setView(actualSize(s.view, s.viewport));
    },
  },
  { id: "labels", label: "Label text on / off", keys: ["L"], group: "View", run: ({ store }) => store.getState().set({ showLabels: !store.getState().showLabels }) },
  { id: "masks", label: "Masks on / off", keys: ["M"], group: "View", run: ({ store }) => store.getState().toggleKind("mask") },
  { id: "clearSelection", label: "Clear the selection", keys: ["Escape"], group: "View", run: ({ store }) => store.getState().select(null) },
  { id: "fullscreen", label: "Full screen on / off (Esc leaves)", keys: ["Shift+F"], group: "View", run: (c) => c.toggleFullscreen() },
  { id: "help", label: "Show / hide shortcuts", keys: ["?"], group: "View", canRun: (c) => c.toggleHelp !== undefined, run: (c) => c.toggleHelp?.() },
]) as readonly CanvasCommand[];

/** Pointer and touch gestures: not commands, but listed in every overlay that shows view keys. */
export const VIEW_GESTURES: readonly Omit<ShortcutRow, "group">[] = [
  { keys: "Wheel / pinch", label: "Zoom at the cursor / between two fingers" },
  { keys: "Drag / Space+drag", label: "Pan (one finger on a touch screen)" },
  { keys: "↑ ↓ · Enter", label: "Object list: move the highlight · select and zoom to it" },
];

/**
 * A view command by id. `commands` is the set live on this canvas: VIEW_COMMANDS, or fewer keys
 * where the page's own commands win (`yieldKeys`; the workbench's answer keys take "1").
 */
export function canvasCommand(id: CanvasCommandId, commands: readonly CanvasCommand[] = VIEW_COMMANDS): CanvasCommand {
  return findCommand(commands, id) as CanvasCommand;
}

/** The command a key press asks for (and that can run: `?` is left to a page with its own help). */
export function canvasCommandForKey(e: KeyLike, ctx?: CanvasCommandContext, commands: readonly CanvasCommand[] = VIEW_COMMANDS): CanvasCommand | undefined {
  const command = commandForKey(commands, e) as CanvasCommand | undefined;
  return command && (!ctx || command.canRun(ctx)) ? command : undefined;
}

/** The view mode's `?` overlay: its keys, then the gestures. */
export function viewShortcutRows(group = "View", commands: readonly CanvasCommand[] = VIEW_COMMANDS): ShortcutRow[] {
  return [...shortcutRows(commands, group), ...VIEW_GESTURES.map((g) => ({ ...g, group }))];
}
