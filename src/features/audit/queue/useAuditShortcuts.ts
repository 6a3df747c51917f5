import { useEffect, useRef } from "react";
import { commandForKey, type AuditContext } from "../commands";

/** Typing in a field (the feedback box, a filter) must never trigger a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  // Checkboxes and range sliders (the canvas legend) don't take text.
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "range", "button", "submit"].includes(type);
}

/**
 * Runs the audit commands from the keyboard, page-wide. The canvas's own keys (F, 1, +, -, L, M,
 * Esc) don't collide with ours, so ours also work while the canvas has focus.
 */
export function useAuditShortcuts(context: AuditContext, enabled = true): void {
  const latest = useRef(context);
  latest.current = context;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || isTyping(e.target)) return;
      const command = commandForKey(e);
      if (!command || !command.canRun(latest.current)) return;
      e.preventDefault();
      command.run(latest.current);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
