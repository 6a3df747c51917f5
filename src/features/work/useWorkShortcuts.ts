import { useEffect, useRef } from "react";
import { commandForKey } from "../../commands";
import { runsWhileTyping, WORK_COMMANDS, type WorkContext } from "./commands";
import { isTyping } from "./panels/ui";

/** Runs the workbench's commands (mode "work") from the keyboard, page-wide, unless a dialog is open. */
export function useWorkShortcuts(context: WorkContext, enabled: boolean): void {
  const latest = useRef(context);
  latest.current = context;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      // The `?` overlay and the Skip dialog have the keyboard (the overlay closes on Esc).
      if (document.querySelector("dialog[open]")) return;
      if (isTyping(e) && !runsWhileTyping(e)) return;
      const command = commandForKey(WORK_COMMANDS, e);
      if (!command || !command.canRun(latest.current)) return;
      e.preventDefault();
      command.run(latest.current);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
