// The audit screen's commands: mode "audit" of the console's one command registry
// (src/commands). The decision buttons, the queue buttons, the `?` overlay and the keyboard
// handler all read these entries, so a label or a key is changed in one place. `canRun`/`run`
// get the screen's current state; nothing here holds state.

import { commandForKey as registryCommandForKey, defineCommands, findCommand, shortcutRows, type Command, type KeyLike, type ShortcutRow } from "../../commands";
import { viewShortcutRows } from "../../canvas";

export interface AuditContext {
  /** A task is on screen and it is completed (only completed tasks can be audited). */
  canDecide: boolean;
  /** A decision is being sent; a second one would race it. */
  busy: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
  approve(): void;
  /** Rejects with the feedback typed so far, or focuses the box and says feedback is needed. */
  reject(): void;
  previous(): void;
  next(): void;
  toggleHelp(): void;
}

export type AuditCommandId = "approve" | "reject" | "previous" | "next" | "help";
export type AuditCommand = Command<AuditContext> & { id: AuditCommandId };

export const AUDIT_COMMANDS = defineCommands<AuditContext>("audit", [
  { id: "approve", label: "Approve", keys: ["A"], group: "Review", canRun: (c) => c.canDecide && !c.busy, run: (c) => c.approve() },
  { id: "reject", label: "Reject (write feedback first)", keys: ["R"], group: "Review", canRun: (c) => c.canDecide && !c.busy, run: (c) => c.reject() },
  { id: "previous", label: "Previous task", keys: ["P"], group: "Review", canRun: (c) => c.hasPrevious, run: (c) => c.previous() },
  { id: "next", label: "Next task", keys: ["N"], group: "Review", canRun: (c) => c.hasNext, run: (c) => c.next() },
  { id: "help", label: "Show / hide shortcuts", keys: ["?"], group: "Review", run: (c) => c.toggleHelp() },
]) as readonly AuditCommand[];

export function commandById(id: AuditCommandId): AuditCommand {
  return findCommand(AUDIT_COMMANDS, id) as AuditCommand;
}

/** The command a key press asks for, if any. Modified presses (Ctrl+R reloads) are the browser's. */
export function commandForKey(e: KeyLike): AuditCommand | undefined {
  return registryCommandForKey(AUDIT_COMMANDS, e) as AuditCommand | undefined;
}

/**
 * The audit mode's `?` overlay: the review keys, then the canvas's own (its view mode, read
 * from the canvas's registry) and its gestures; the canvas runs those itself.
 */
export function auditShortcutRows(): ShortcutRow[] {
  return [...shortcutRows(AUDIT_COMMANDS), ...viewShortcutRows("Canvas")];
}
