import { describe, expect, it } from "vitest";
import { VIEW_COMMANDS } from "../canvas/commands";
import { EDIT_COMMANDS, TOOL_KEY_COMMANDS, toolCommands, VIEW_COMMANDS_IN_EDIT } from "../canvas/edit/editCommands";
import { toolsFor } from "../canvas/edit/tools";
import type { EditableTaskType } from "../canvas/edit/types";
import { AUDIT_COMMANDS } from "../features/audit/commands";
import { canonicalBinding } from "./keys";
import type { Command } from "./registry";

// Every set of commands that is live at the same time, per screen and mode: no key press may ask
// for two of them. (A new mode — the workbench's "work" — adds its live sets here.)

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

  it("every command has a label and a group, and ids are unique per mode", () => {
    const all: readonly Command<never>[] = [...VIEW_COMMANDS, ...EDIT_COMMANDS, ...AUDIT_COMMANDS, ...Object.values(TOOL_KEY_COMMANDS).flat()] as readonly Command<never>[];
    for (const c of all) expect(c.label && c.group, c.id).toBeTruthy();
    const ids = all.map((c) => `${c.mode}:${c.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
