// The audit screen's commands, in ONE registry: the decision buttons, the queue buttons, the
// `?` overlay and the keyboard handler all read these entries, so a label or a key is changed
// in one place. `canRun`/`run` get the screen's current state; nothing here holds state.

import { CANVAS_COMMANDS } from "../../canvas";

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

export interface AuditCommand {
  id: "approve" | "reject" | "previous" | "next" | "help";
  label: string;
  /** `KeyboardEvent.key`, matched without modifiers, case-insensitively for letters. */
  shortcut: string;
  canRun(ctx: AuditContext): boolean;
  run(ctx: AuditContext): void;
}

export const AUDIT_COMMANDS: readonly AuditCommand[] = [
  {
    id: "approve",
    label: "Approve",
    shortcut: "a",
    canRun: (c) => c.canDecide && !c.busy,
    run: (c) => c.approve(),
  },
  {
    id: "reject",
    label: "Reject (write feedback first)",
    shortcut: "r",
    canRun: (c) => c.canDecide && !c.busy,
    run: (c) => c.reject(),
  },
  { id: "previous", label: "Previous task", shortcut: "p", canRun: (c) => c.hasPrevious, run: (c) => c.previous() },
  { id: "next", label: "Next task", shortcut: "n", canRun: (c) => c.hasNext, run: (c) => c.next() },
  { id: "help", label: "Show / hide shortcuts", shortcut: "?", canRun: () => true, run: (c) => c.toggleHelp() },
];

export function commandById(id: AuditCommand["id"]): AuditCommand {
  const command = AUDIT_COMMANDS.find((c) => c.id === id);
  if (!command) throw new Error(`unknown audit command ${id}`);
  return command;
}

/** The command a key press asks for, if any. Modified presses (Ctrl+R reloads) are the browser's. */
export function commandForKey(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">): AuditCommand | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return AUDIT_COMMANDS.find((c) => c.shortcut === key);
}

/** How a shortcut is written on a key cap. */
export function keyCap(shortcut: string): string {
  return shortcut.length === 1 ? shortcut.toUpperCase() : shortcut;
}

/**
 * The canvas's own shortcuts, listed in the overlay beside ours: read from the canvas's command
 * registry (src/canvas/commands.ts), plus its pointer gestures. The canvas runs them itself.
 */
export const CANVAS_SHORTCUTS: readonly { keys: string; label: string }[] = [
  ...CANVAS_COMMANDS.map((c) => ({ keys: c.keys, label: c.label })),
  { keys: "Wheel / pinch", label: "Zoom at the cursor / between two fingers" },
  { keys: "Drag / Space+drag", label: "Pan" },
];
