import type { Command, CommandTarget, HistoryState } from "./types";

// Undo/redo over commands. Pure on HistoryState: the store keeps the state and supplies the target.

/** Past this many entries the oldest are forgotten (each holds only the objects it changed). */
export const HISTORY_LIMIT = 500;

export const EMPTY_HISTORY: HistoryState = { past: [], future: [] };

/** Runs a command and records it: merged into the last entry when their merge keys match. */
export function runCommand(history: HistoryState, command: Command, target: CommandTarget): HistoryState {
  command.do(target);
  if (!command.record) return history;
  const last = history.past[history.past.length - 1];
  if (last && command.mergeKey && last.mergeKey === command.mergeKey && last.merge) {
    const merged = last.merge(command);
    if (merged) return { past: [...history.past.slice(0, -1), merged], future: [] };
  }
  const past = [...history.past, command];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, future: [] };
}

export function undoCommand(history: HistoryState, target: CommandTarget): HistoryState | null {
  const last = history.past[history.past.length - 1];
  if (!last) return null;
  last.undo(target);
  return { past: history.past.slice(0, -1), future: [last, ...history.future] };
}

export function redoCommand(history: HistoryState, target: CommandTarget): HistoryState | null {
  const next = history.future[0];
  if (!next) return null;
  next.do(target);
  return { past: [...history.past, next], future: history.future.slice(1) };
}
