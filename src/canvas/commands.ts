// The viewer's commands, in ONE registry: the toolbar buttons, the keyboard handler, the README
// table and the audit page's `?` overlay all read these entries, so a key is changed in one place.
import { actualSize, fitImage, zoomAt } from "../geometry";
import { FIT_PADDING_PX } from "./interaction/useViewportGestures";
import type { CanvasStore } from "./store";

/** What a command acts on: the canvas's store and the component's own view toggles. */
export interface CanvasCommandContext {
  store: CanvasStore;
  toggleFullscreen(): void;
}

export interface CanvasCommand {
  id: "zoomIn" | "zoomOut" | "fit" | "actualSize" | "labels" | "masks" | "clearSelection" | "fullscreen";
  label: string;
  /** How the key is written on a key cap and in the help. */
  keys: string;
  /** Whether a key press asks for this command (modifiers other than Shift never do). */
  matches(e: Pick<KeyboardEvent, "key" | "shiftKey">): boolean;
  run(ctx: CanvasCommandContext): void;
}

export const ZOOM_STEP = 1.25;

const zoomBy = (store: CanvasStore, factor: number) => {
  const s = store.getState();
  s.setView(zoomAt(s.view, factor, s.viewport.width / 2, s.viewport.height / 2));
};

export const CANVAS_COMMANDS: readonly CanvasCommand[] = [
  { id: "zoomIn", label: "Zoom in", keys: "+", matches: (e) => e.key === "+" || e.key === "=", run: (c) => zoomBy(c.store, ZOOM_STEP) },
  { id: "zoomOut", label: "Zoom out", keys: "−", matches: (e) => e.key === "-" || e.key === "_", run: (c) => zoomBy(c.store, 1 / ZOOM_STEP) },
  {
    id: "fit",
    label: "Fit the image to the screen",
    keys: "F",
    matches: (e) => (e.key === "f" || e.key === "F") && !e.shiftKey,
    run: ({ store }) => {
      const s = store.getState();
      if (s.imageSize) s.setView(fitImage(s.imageSize, s.viewport, FIT_PADDING_PX));
    },
  },
  {
    id: "actualSize",
    label: "100% (one image pixel per screen pixel)",
    keys: "1",
    matches: (e) => e.key === "1",
    run: ({ store }) => {
      const s = store.getState();
      s.setView(actualSize(s.view, s.viewport));
    },
  },
  {
    id: "labels",
    label: "Label text on / off",
    keys: "L",
    matches: (e) => e.key === "l" || e.key === "L",
    run: ({ store }) => store.getState().set({ showLabels: !store.getState().showLabels }),
  },
  { id: "masks", label: "Masks on / off", keys: "M", matches: (e) => e.key === "m" || e.key === "M", run: ({ store }) => store.getState().toggleKind("mask") },
  { id: "clearSelection", label: "Clear the selection", keys: "Esc", matches: (e) => e.key === "Escape", run: ({ store }) => store.getState().select(null) },
  {
    id: "fullscreen",
    label: "Full screen on / off (Esc leaves)",
    keys: "Shift+F",
    matches: (e) => (e.key === "F" || e.key === "f") && e.shiftKey,
    run: (c) => c.toggleFullscreen(),
  },
];

export function canvasCommand(id: CanvasCommand["id"]): CanvasCommand {
  const command = CANVAS_COMMANDS.find((c) => c.id === id);
  if (!command) throw new Error(`unknown canvas command ${id}`);
  return command;
}

/** The command a key press asks for; Ctrl/⌘/Alt presses belong to the browser. */
export function canvasCommandForKey(e: Pick<KeyboardEvent, "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey">): CanvasCommand | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  return CANVAS_COMMANDS.find((c) => c.matches(e));
}
