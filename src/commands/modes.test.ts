import { describe, expect, it } from "vitest";
import { VIEW_COMMANDS } from "../canvas/commands";
import { EDIT_COMMANDS, TOOL_KEY_COMMANDS, toolCommands, VIEW_COMMANDS_IN_EDIT } from "../canvas/edit/editCommands";
import { toolsFor } from "../canvas/edit/tools";
import type { EditableTaskType } from "../canvas/edit/types";
import { AUDIT_COMMANDS } from "../features/audit/commands";
import { WORK_COMMANDS } from "../features/work/commands";
import { workModeCommands, workViewCommands } from "../features/work/liveCommands";
import { AUDIO_COMMANDS, CHOICE_COMMANDS, panelCommands, ROW_COMMANDS } from "../features/work/panels/commands";
import { TASK_TYPES } from "../schema/registry";
import { canonicalBinding } from "./keys";
import type { Command } from "./registry";

// Every set of commands that is live at the same time, per screen and mode: no key press may ask
// for two of them. (A new mode adds its live sets here.)

type AnyCommand = Pick<Command<never>, "id" | "mode" | "keys">;

function clashes(commands: readonly AnyCommand[]): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const c of commands) {
    for (const k of c.keys) {
      const key = canonicalBinding(k);
      const other = seen.get(key);
      if (other) out.push(`${key}: ${other} and ${c.mode}:${c.id}`);
      else seen.set(key, `${c.mode}:${c.id}`);
    }
  }
  return out;
}

const EDITABLE: readonly EditableTaskType[] = ["annotation", "pointannotation", "lineannotation", "polygonannotation", "cuboidannotation", "segmentannotation"];

describe("the command registry", () => {
  it("finds a clash when there is one", () => {
    expect(clashes([...VIEW_COMMANDS, { id: "x", mode: "view", keys: ["f"] }])).toEqual(["F: view:fit and view:x"]);
  });

  it("view mode: no two commands share a key", () => {
    expect(clashes(VIEW_COMMANDS)).toEqual([]);
  });

  it.each(EDITABLE)("edit mode (%s): the editor's commands, its tools and the viewer's keys it keeps share no key", (type) => {
    const tools = toolsFor(type);
    expect(tools.length).toBeGreaterThan(0);
    expect(clashes([...EDIT_COMMANDS, ...toolCommands(tools), ...VIEW_COMMANDS_IN_EDIT])).toEqual([]);
  });

  it("edit:<tool> modes: a tool's own keys are distinct, and name tools that exist", () => {
    const ids = new Set<string>(EDITABLE.flatMap((t) => toolsFor(t).map((d) => d.id)));
    for (const [tool, commands] of Object.entries(TOOL_KEY_COMMANDS)) {
      expect(ids.has(tool), tool).toBe(true);
      expect(commands.every((c) => c.mode === `edit:${tool}`)).toBe(true);
      expect(clashes(commands)).toEqual([]);
    }
  });

  it("audit mode: the review keys and the embedded canvas's keys share no key", () => {
    // On the audit page the canvas's `?` opens the page's overlay (onShortcutHelp): one command.
    expect(clashes([...AUDIT_COMMANDS, ...VIEW_COMMANDS.filter((c) => c.id !== "help")])).toEqual([]);
  });

  // Every task type, with and without an image the viewer shows, and for image types with each
  // tool active and after submitting (the viewer): the page's keys, the panel's and the canvas's.
  it.each(TASK_TYPES.flatMap((type) => [{ type, image: true }, { type, image: false }]))("work mode ($type, image: $image): the workbench's, the panel's and the canvas's keys share no key", ({ type, image }) => {
    const lists = workModeCommands(type, image);
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      expect(list.length).toBeGreaterThanOrEqual(WORK_COMMANDS.length);
      expect(clashes(list)).toEqual([]);
    }
  });

  it("work mode: the answer keys win over the embedded viewer's (1 picks a category, not 100%)", () => {
    expect(panelCommands("categorization")).toBe(CHOICE_COMMANDS);
    // Without the precedence, categorization with an image clashes on 1 and `?`.
    expect(clashes([...WORK_COMMANDS, ...CHOICE_COMMANDS, ...VIEW_COMMANDS])).toEqual(["1: work:choices:choose and view:actualSize", "?: work:help and view:help"]);
    const view = workViewCommands("categorization");
    expect(view.find((c) => c.id === "actualSize")?.keys).toEqual([]);
    expect(view.find((c) => c.id === "actualSize")?.matches({ key: "1" })).toBe(false);
    expect(view.find((c) => c.id === "fit")?.matches({ key: "f" })).toBe(true);
    // Where no panel takes the digits the viewer keeps its 100% key.
    expect(workViewCommands("datacollection").find((c) => c.id === "actualSize")?.keys).toEqual(["1"]);
  });

  it("every command has a label and a group, and ids are unique per mode", () => {
    const all: readonly Command<never>[] = [...VIEW_COMMANDS, ...EDIT_COMMANDS, ...AUDIT_COMMANDS, ...Object.values(TOOL_KEY_COMMANDS).flat(), ...WORK_COMMANDS, ...CHOICE_COMMANDS, ...AUDIO_COMMANDS, ...ROW_COMMANDS] as readonly Command<never>[];
    for (const c of all) expect(c.label && c.group, c.id).toBeTruthy();
    const ids = all.map((c) => `${c.mode}:${c.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
