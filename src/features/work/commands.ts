// The workbench's commands, in one registry (as the audit screen's): the buttons' key hints, the
// `?` overlay and the keyboard handler read these entries. The panels' own keys (1–9 choices,
// canvas tools B/C/O/N/P/V, audio keys) are theirs and don't collide with these.
import { CANVAS_COMMANDS } from "../../canvas";

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

export interface WorkCommand {
  id: "submit" | "skip" | "next" | "instruction" | "help" | "download";
  label: string;
  /** How the overlay writes the key. */
  keys: string;
  /** Matched against a key press; modifiers are part of each match. */
  matches(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): boolean;
  /** Runs even while typing in a field (only combinations with Ctrl/⌘ do). */
  whileTyping?: boolean;
  canRun(c: WorkContext): boolean;
  run(c: WorkContext): void;
}

const plain = (e: Pick<KeyboardEvent, "ctrlKey" | "metaKey" | "altKey">) => !e.ctrlKey && !e.metaKey && !e.altKey;

export const WORK_COMMANDS: readonly WorkCommand[] = [
  {
    id: "submit",
    label: "Submit (checks the answer first)",
    keys: "Ctrl+Enter",
    matches: (e) => e.key === "Enter" && (e.ctrlKey || e.metaKey),
    whileTyping: true,
    canRun: (c) => c.canSubmit,
    run: (c) => c.submit(),
  },
  { id: "skip", label: "Skip this task (with an optional reason)", keys: "Shift+S", matches: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === "s", canRun: (c) => c.canSkip, run: (c) => c.skip() },
  { id: "next", label: "Next task (after submitting)", keys: "Shift+N", matches: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === "n", canRun: (c) => c.canNext, run: (c) => c.next() },
  { id: "instruction", label: "Show / hide the instruction", keys: "I", matches: (e) => plain(e) && !e.shiftKey && e.key === "i", canRun: () => true, run: (c) => c.toggleInstruction() },
  { id: "download", label: "Download my work (JSON)", keys: "Shift+D", matches: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === "d", canRun: () => true, run: (c) => c.download() },
  { id: "help", label: "Show / hide shortcuts", keys: "?", matches: (e) => plain(e) && e.key === "?", canRun: () => true, run: (c) => c.toggleHelp() },
];

export function commandById(id: WorkCommand["id"]): WorkCommand {
  const found = WORK_COMMANDS.find((c) => c.id === id);
  if (!found) throw new Error(`unknown work command ${id}`);
  return found;
}

/** The canvas's own keys, listed in the overlay for image tasks. */
export const CANVAS_KEYS: readonly { keys: string; label: string }[] = CANVAS_COMMANDS.map((c) => ({ keys: [c.keys].flat().join(" / "), label: c.label }));
