import { useEffect, useMemo, useRef, type RefObject } from "react";
import { screenToImage } from "../../geometry";
import type { PointerDelegate } from "../interaction/useViewportGestures";
import { isTypingTarget } from "../interaction/useCanvasShortcuts";
import type { CanvasStore } from "../store";
import { commandForKey } from "../../commands";
import { editCommandForKey, toolCommands, type EditCommandContext } from "./editCommands";
import type { ToolMachine } from "./machine";
import type { ToolPointerEvent } from "./types";

const DOUBLE_CLICK_MS = 400;

const RESIZE_CURSORS: Record<string, string> = { nw: "nwse-resize", se: "nwse-resize", ne: "nesw-resize", sw: "nesw-resize", n: "ns-resize", s: "ns-resize", e: "ew-resize", w: "ew-resize" };

/** What a press would do here, as a cursor: resize or move a handle, move an object, or draw. */
function cursorAt(machine: ToolMachine, e: ToolPointerEvent): string {
  const ctx = machine.ctx;
  const tool = ctx.editor.getState().tool;
  if (tool !== "select") return e.alt && ctx.pick(e.x, e.y) ? "move" : "crosshair";
  const h = ctx.pickHandle(e.x, e.y);
  if (h) return h.handle.type === "resize" ? RESIZE_CURSORS[h.handle.dir] : h.handle.type === "midpoint" ? "copy" : "move";
  return ctx.pick(e.x, e.y) ? "move" : "default";
}

/**
 * Pointer and keyboard for edit mode. Plain presses go to the active tool (in image pixels,
 * through the viewport transform); keys go first to the tool's state (Backspace while drawing),
 * then to the registry's edit commands, then to its tool commands. Runs in the capture phase so the
 * viewer's own shortcuts (../commands.ts) never see a key the editor took; "1" is a label pick
 * here, not 100%.
 */
export function useEditorInput(
  rootRef: RefObject<HTMLElement | null>,
  stageRef: RefObject<HTMLElement | null>,
  canvas: CanvasStore,
  machine: ToolMachine,
  commandContext: EditCommandContext,
): RefObject<PointerDelegate | null> {
  const latest = useRef(commandContext);
  latest.current = commandContext;
  // The tool keys come from the registry too: one command per tool the machine has.
  const tools = useMemo(() => toolCommands(machine.definitions), [machine]);

  const delegate = useMemo<PointerDelegate>(() => {
    const toTool = (e: PointerEvent, p: { x: number; y: number }): ToolPointerEvent => {
      const ip = screenToImage(canvas.getState().view, p.x, p.y);
      return { x: ip.x, y: ip.y, sx: p.x, sy: p.y, button: e.button, shift: e.shiftKey, alt: e.altKey, mod: e.ctrlKey || e.metaKey, detail: e.detail };
    };
    // PointerEvent.detail is 0 in Chromium, so the click count (a double click finishes a line)
    // is counted here: presses within DOUBLE_CLICK_MS and a few pixels of each other.
    let last = { t: -Infinity, x: 0, y: 0, count: 0 };
    return {
      down: (e, p) => {
        const t = performance.now();
        const count = t - last.t < DOUBLE_CLICK_MS && Math.hypot(p.x - last.x, p.y - last.y) < 6 ? last.count + 1 : 1;
        last = { t, x: p.x, y: p.y, count };
        machine.pointerDown({ ...toTool(e, p), detail: count });
      },
      move: (e, p) => {
        const t = toTool(e, p);
        machine.pointerMove(t);
        if (e.buttons === 0 && e.currentTarget instanceof HTMLElement) e.currentTarget.style.cursor = cursorAt(machine, t);
      },
      up: (e, p) => machine.pointerUp(toTool(e, p)),
    };
  }, [canvas, machine]);
  const delegateRef = useRef<PointerDelegate | null>(delegate);
  delegateRef.current = delegate;

  useEffect(() => {
    const root = rootRef.current;
    const stage = stageRef.current;
    if (!root || !stage) return;
    let pointerOver = false;
    const enter = () => (pointerOver = true);
    const leave = () => (pointerOver = false);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const inside = e.target instanceof Node && root.contains(e.target);
      if (!inside && !pointerOver) return;
      // A modal dialog (the label picker, the help) has the keyboard.
      if (e.target instanceof Element && e.target.closest("dialog")) return;
      const ctx = latest.current;
      const take = () => {
        e.preventDefault();
        e.stopPropagation();
      };
      if (!e.ctrlKey && !e.metaKey && machine.key({ key: e.key, shift: e.shiftKey, alt: e.altKey, mod: false })) return take();
      const command = editCommandForKey(e) ?? commandForKey(tools, e);
      if (command) {
        take();
        if (command.canRun(ctx)) command.run(ctx, e);
        return;
      }
      // Everything else is the viewer's (zoom, fit, labels, masks, full screen): not taken here.
    };
    stage.addEventListener("pointerenter", enter);
    stage.addEventListener("pointerleave", leave);
    document.addEventListener("keydown", onKeyDown, { capture: true });
    return () => {
      stage.removeEventListener("pointerenter", enter);
      stage.removeEventListener("pointerleave", leave);
      document.removeEventListener("keydown", onKeyDown, { capture: true });
    };
  }, [rootRef, stageRef, machine, tools]);

  return delegateRef;
}
