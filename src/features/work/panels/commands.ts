// The work panels' own keys: modes "work:<set>" of the console's one command registry
// (src/commands). Each panel runs its set from its own key handler and the workbench's `?`
// overlay lists the set of the task's type (`panelCommands`). The page's keys (mode "work") and
// the canvas's are checked against these in src/commands/modes.test.ts.
import { defineCommands, findCommand, type Command, type KeyLike } from "../../../commands";
import type { TaskType } from "../../../schema";

/** Choices (categorization's categories, comparison's choices): pick the n-th option. */
export interface ChoiceCommandContext {
  pick(index: number): void;
}

export const CHOICE_COMMANDS = defineCommands<ChoiceCommandContext>("work:choices", [
  {
    id: "choose",
    label: "Pick the 1st – 9th option (toggle it when several are allowed)",
    keys: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    keyLabel: "1 – 9",
    group: "Answer",
    run: (c, e) => {
      if (e) c.pick(Number(e.key) - 1);
    },
  },
]);

/** The audio player of audio transcription. */
export interface AudioCommandContext {
  playPause(): void;
  skip(seconds: number): void;
  /** One step along the speeds: -1 slower, +1 faster. */
  speed(step: -1 | 1): void;
}

export const SKIP_SECONDS = 5;

// Each action has a plain key (outside text fields) and an Alt one (works in the transcript too).
export const AUDIO_COMMANDS = defineCommands<AudioCommandContext>("work:audio", [
  { id: "playPause", label: "Play / pause", keys: [" ", "Alt+P"], group: "Audio", run: (c) => c.playPause() },
  { id: "back", label: `Back ${SKIP_SECONDS} s`, keys: ["Shift+ArrowLeft", "Alt+ArrowLeft"], group: "Audio", run: (c) => c.skip(-SKIP_SECONDS) },
  { id: "ahead", label: `Ahead ${SKIP_SECONDS} s`, keys: ["Shift+ArrowRight", "Alt+ArrowRight"], group: "Audio", run: (c) => c.skip(SKIP_SECONDS) },
  { id: "slower", label: "Slower", keys: [",", "Alt+,"], group: "Audio", run: (c) => c.speed(-1) },
  { id: "faster", label: "Faster", keys: [".", "Alt+."], group: "Audio", run: (c) => c.speed(1) },
]);

/**
 * The key a press names for the audio bindings. With Alt held a Mac types another character
 * (Alt+P is "π", Alt+, is "≤"), so the physical key decides; "," and "." are read from the key
 * position too, whatever Shift makes of them on the layout.
 */
export function audioKeyOf(e: KeyLike & Pick<KeyboardEvent, "code">): KeyLike {
  const physical = /^Key[A-Z]$/.test(e.code) ? e.code.slice(3) : e.code === "Comma" ? "," : e.code === "Period" ? "." : null;
  return physical && (e.altKey || physical === "," || physical === ".") ? { ...e, key: physical } : e;
}

/** Transcription's repeated items: Enter in an item's text field goes on to the next one. */
export const ROW_COMMANDS = defineCommands<{ nextRow(): void }>("work:rows", [
  { id: "nextRow", label: "In an item's text field: the next item (a new one after the last)", keys: ["Enter"], group: "Answer", run: (c) => c.nextRow() },
]);

export const nextRowCommand = findCommand(ROW_COMMANDS, "nextRow");

/** The panel's own keys on a task of this type (listed in the workbench's `?` overlay). */
export function panelCommands(type: TaskType): readonly Command<never>[] {
  switch (type) {
    case "categorization":
    case "comparison":
      return CHOICE_COMMANDS as readonly Command<never>[];
    case "audiotranscription":
      return AUDIO_COMMANDS as readonly Command<never>[];
    case "transcription":
      return ROW_COMMANDS as readonly Command<never>[];
    default:
      return [];
  }
}
