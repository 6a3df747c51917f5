// The workbench's commands: mode "work" of the console's one command registry (src/commands).
// The buttons' key caps, the keyboard handler (useWorkShortcuts) and the `?` overlay read these
// entries. The panels' own keys are modes "work:<set>" (./panels/commands.ts); what is live on a
// task, and which keys win, is ./liveCommands.ts.
import { defineCommands, findCommand, type Command } from "../../commands";

export interface WorkContext {
  canSubmit: boolean;
  canSkip: boolean;
  canNext: boolean;
  submit(): void;
  skip(): void;
  next(): void;
  toggleInstruction(): void;
  toggleHelp(): void;
  download(): void;
}

export type WorkCommandId = "submit" | "skip" | "next" | "instruction" | "download" | "help";
export type WorkCommand = Command<WorkContext> & { id: WorkCommandId };

export const WORK_COMMANDS = defineCommands<WorkContext>("work", [
  // Mod+Enter: the one key that also runs while typing (see `runsWhileTyping`).
  { id: "submit", label: "Submit (checks the answer first)", keys: ["Mod+Enter"], group: "Task", canRun: (c) => c.canSubmit, run: (c) => c.submit() },
  { id: "skip", label: "Skip this task (with an optional reason)", keys: ["Shift+S"], group: "Task", canRun: (c) => c.canSkip, run: (c) => c.skip() },
  { id: "next", label: "Next task (after submitting)", keys: ["Shift+N"], group: "Task", canRun: (c) => c.canNext, run: (c) => c.next() },
  { id: "instruction", label: "Show / hide the instruction", keys: ["I"], group: "Task", run: (c) => c.toggleInstruction() },
  { id: "download", label: "Download my work (JSON)", keys: ["Shift+D"], group: "Task", run: (c) => c.download() },
  { id: "help", label: "Show / hide shortcuts", keys: ["?"], group: "Task", run: (c) => c.toggleHelp() },
]) as readonly WorkCommand[];

export function workCommand(id: WorkCommandId): WorkCommand {
  return findCommand(WORK_COMMANDS, id) as WorkCommand;
}

/**
 * Typing in a field keeps plain keys for the text: only a press with Ctrl/⌘ (Ctrl+Enter submits
 * from the transcript) reaches the workbench's commands then.
 */
export function runsWhileTyping(e: Pick<KeyboardEvent, "ctrlKey" | "metaKey">): boolean {
  return e.ctrlKey || e.metaKey;
}
