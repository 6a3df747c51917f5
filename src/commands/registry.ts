// THE command registry: every keyboard shortcut and toolbar command of the console is a
// `Command` of some mode, defined once with `defineCommands`, and read by the keyboard handlers
// (`commandForKey`), the buttons (`keyCapOf`, `ariaKeysOf`) and the `?` overlay (`shortcutRows`).
//
// Modes (`CommandMode`) say where a command's keys are live:
//   view        the canvas looking at a task (src/canvas/commands.ts, VIEW_COMMANDS)
//   edit        the canvas editing a response (src/canvas/edit/editCommands.ts, EDIT_COMMANDS and
//               one command per tool of the task type: `toolCommands(tools)`)
//   edit:<tool> keys the active tool's states take first (Backspace while drawing a line, `[`/`]`
//               for the brush), in the same file (TOOL_KEY_COMMANDS)
//   audit       the audit queue (src/features/audit/commands.ts, AUDIT_COMMANDS)
//   work        the workbench (src/features/work/commands.ts, WORK_COMMANDS: Submit, Skip, Next…)
//   work:<set>  a work panel's own keys (src/features/work/panels/commands.ts: choices 1–9, the
//               audio player, transcription rows); `workModeCommands(task)` in
//               src/features/work/liveCommands.ts lists what is live on a task, in precedence order
// A screen shows several modes at once (the audit queue embeds the canvas's view keys; the
// editor keeps the viewer's keys except the ones it takes over; the workbench's answer keys win
// over the embedded viewer's, see `yieldKeys`): `modes.test.ts` checks that no two commands live
// together share a key.
import { ariaBinding, canonicalBinding, formatBinding, matchesBinding, parseBinding, type KeyLike } from "./keys";

export type CommandMode = "view" | "edit" | `edit:${string}` | "audit" | "work" | `work:${string}`;

export interface CommandSpec<Ctx> {
  id: string;
  label: string;
  /** Key bindings ("Mod+Z", "Shift+F", "?"); the first is the one shown on buttons. Empty: no key. */
  keys: readonly string[];
  /** How the help writes the keys when listing them all would be noise ("1 – 9"). */
  keyLabel?: string;
  /** The overlay's heading for it ("Edit", "Selection", "View"…). */
  group: string;
  /** Whether it can run now (buttons are disabled, and the key press is left alone, when not). */
  canRun?(ctx: Ctx): boolean;
  /** `e` is the key press that asked for it, when one did (nudges read Shift, 1–9 read the digit). */
  run(ctx: Ctx, e?: KeyLike): void;
}

export interface Command<Ctx> extends Required<Omit<CommandSpec<Ctx>, "keyLabel">> {
  mode: CommandMode;
  keyLabel?: string;
  /** Whether a key press asks for this command. */
  matches(e: KeyLike): boolean;
}

/** Declares a mode's commands: checks the bindings parse, fills in the defaults. */
export function defineCommands<Ctx>(mode: CommandMode, specs: readonly CommandSpec<Ctx>[]): readonly Command<Ctx>[] {
  return specs.map((s) => {
    const bindings = s.keys.map(parseBinding);
    return {
      ...s,
      mode,
      canRun: s.canRun ?? (() => true),
      matches: (e: KeyLike) => bindings.some((b) => matchesBinding(b, e)),
    };
  });
}

/** The first command of the list a key press asks for (lists are ordered: earlier ones win). */
export function commandForKey<Ctx>(commands: readonly Command<Ctx>[], e: KeyLike): Command<Ctx> | undefined {
  return commands.find((c) => c.matches(e));
}

/**
 * Precedence between modes live together: `commands` without the bindings some `winner` also has
 * (in the workbench the answer keys 1–9 win over the viewer's "1" = 100%). A command left with no
 * binding keeps its button, without a key cap.
 */
export function yieldKeys<Ctx>(commands: readonly Command<Ctx>[], winners: readonly Pick<Command<unknown>, "keys">[]): readonly Command<Ctx>[] {
  const taken = new Set(winners.flatMap((w) => w.keys.map(canonicalBinding)));
  if (taken.size === 0) return commands;
  return commands.map((c) => {
    const keys = c.keys.filter((k) => !taken.has(canonicalBinding(k)));
    if (keys.length === c.keys.length) return c;
    const bindings = keys.map(parseBinding);
    // The help's own wording ("+") may name a key that is gone: list the bindings left instead.
    const next: Command<Ctx> = { ...c, keys, matches: (e: KeyLike) => bindings.some((b) => matchesBinding(b, e)) };
    delete next.keyLabel;
    return next;
  });
}

export function findCommand<Ctx>(commands: readonly Command<Ctx>[], id: string): Command<Ctx> {
  const c = commands.find((x) => x.id === id);
  if (!c) throw new Error(`unknown command "${id}"`);
  return c;
}

/** The key cap a button shows: the first binding ("Ctrl+Z"), or "" for a command without a key. */
export function keyCapOf(command: Pick<Command<unknown>, "keys">): string {
  return command.keys.length ? formatBinding(command.keys[0]) : "";
}

/** Every binding, as the help lists them: "Ctrl+Shift+Z / Ctrl+Y", or the command's keyLabel. */
export function allKeysOf(command: Pick<Command<unknown>, "keys" | "keyLabel">): string {
  return command.keyLabel ?? command.keys.map((k) => formatBinding(k)).join(" / ");
}

/** `aria-keyshortcuts` for a button: every binding, space-separated. */
export function ariaKeysOf(command: Pick<Command<unknown>, "keys">): string | undefined {
  return command.keys.length ? command.keys.map((k) => ariaBinding(k)).join(" ") : undefined;
}

/** A button's tooltip: "Undo (Ctrl+Z)". */
export function titleOf(command: Pick<Command<unknown>, "keys" | "keyLabel" | "label">): string {
  const keys = allKeysOf(command);
  return keys ? `${command.label} (${keys})` : command.label;
}

/** One line of the `?` overlay. Gestures (wheel, drag) are rows too, without a command. */
export interface ShortcutRow {
  group: string;
  keys: string;
  label: string;
}

export function shortcutRows(commands: readonly Pick<Command<unknown>, "keys" | "keyLabel" | "label" | "group">[], group?: string): ShortcutRow[] {
  return commands.filter((c) => c.keys.length > 0).map((c) => ({ group: group ?? c.group, keys: allKeysOf(c), label: c.label }));
}
