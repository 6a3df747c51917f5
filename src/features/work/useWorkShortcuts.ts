import { useEffect, useRef } from "react";
import { WORK_COMMANDS, type WorkContext } from "./commands";

/** Typing in a field must not trigger a letter shortcut (Ctrl+Enter still submits). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  return !["checkbox", "radio", "range", "button", "submit"].includes((target as HTMLInputElement).type);
}

/** Runs the workbench's commands from the keyboard, page-wide, unless a dialog is open. */
export function useWorkShortcuts(context: WorkContext, enabled: boolean): void {
  const latest = useRef(context);
  latest.current = context;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      if (document.querySelector("dialog[open]")) return;
      const typing = isTyping(e.target);
      const command = WORK_COMMANDS.find((c) => c.matches(e) && (!typing || c.whileTyping));
      if (!command || !command.canRun(latest.current)) return;
      e.preventDefault();
      command.run(latest.current);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
