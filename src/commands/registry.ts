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
//   work        the workbench — room for its commands: add `src/features/work/commands.ts` with
//               `defineCommands<WorkContext>("work", [...])`, run them with `commandForKey` from
//               one keydown handler, list them in the overlay with `shortcutRows`, and add the set
//               to `src/commands/modes.test.ts` so its keys are checked against the canvas's.
// A screen shows several modes at once (the audit queue embeds the canvas's view keys; the
// editor keeps the viewer's keys except the ones it takes over): `modes.test.ts` checks that no
// two commands live together share a key.
import { ariaBinding, formatBinding, matchesBinding, parseBinding, type KeyLike } from "./keys";

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
