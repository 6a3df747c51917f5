import { useEffect, useRef, type RefObject } from "react";
import { canvasCommandForKey, VIEW_COMMANDS, type CanvasCommand, type CanvasCommandContext } from "../commands";

/** Typing in a field never triggers a shortcut; checkboxes, sliders and buttons don't take text. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  return !["checkbox", "radio", "range", "button", "submit", "reset"].includes((target as HTMLInputElement).type);
}

/**
 * The canvas commands from the keyboard, while focus is anywhere in the canvas (stage, toolbar,
 * legend, object list) or the pointer is over the stage: clicking a toolbar button must not
 * switch the shortcuts off. Listens on the document so it also runs before page-wide handlers
 * (the audit page's), which skip keys the canvas took.
 */
export function useCanvasShortcuts(
  rootRef: RefObject<HTMLElement | null>,
  stageRef: RefObject<HTMLElement | null>,
  context: CanvasCommandContext,
  /** The view commands live here (fewer keys where the page's own win, see `yieldKeys`). */
  commands: readonly CanvasCommand[] = VIEW_COMMANDS,
): void {
  const latest = useRef(context);
  latest.current = context;
  const live = useRef(commands);
  live.current = commands;
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
      // An open popover takes Esc for itself; an open dialog (the `?` overlay) has the keyboard,
      // except `?`, which closes it again.
      if (e.key === "Escape" && root.querySelector(":popover-open")) return;
      const command = canvasCommandForKey(e, latest.current, live.current);
      if (!command) return;
      if (e.target instanceof Element && e.target.closest("dialog") && command.id !== "help") return;
      e.preventDefault();
      command.run(latest.current);
    };
    stage.addEventListener("pointerenter", enter);
    stage.addEventListener("pointerleave", leave);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      stage.removeEventListener("pointerenter", enter);
      stage.removeEventListener("pointerleave", leave);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [rootRef, stageRef]);
}
