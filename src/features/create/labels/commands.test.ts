import { describe, expect, it } from "vitest";
import { keyHints, labelCommandForKey, LABEL_COMMANDS, type LabelTreeContext } from "./commands";
import * as tree from "./tree";

const key = (k: string, mods: Partial<Record<"altKey" | "shiftKey" | "ctrlKey" | "metaKey", boolean>> = {}) => ({
  key: k,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe("label tree keys", () => {
  it.each([
    [key("Enter"), "rename"],
    [key("F2"), "rename"],
    [key("Enter", { shiftKey: true }), "add"],
    [key("Enter", { altKey: true }), "addChild"],
    [key("Delete"), "remove"],
    [key("Backspace"), "remove"],
    [key("ArrowUp", { altKey: true }), "moveUp"],
    [key("ArrowDown", { altKey: true }), "moveDown"],
    [key("ArrowRight", { altKey: true }), "indent"],
    [key("ArrowLeft", { altKey: true }), "outdent"],
  ])("%j runs %s", (e, id) => {
    expect(labelCommandForKey(e)?.id).toBe(id);
  });

  it("leaves plain arrows (selection), Ctrl+ and Cmd+ presses to others", () => {
    expect(labelCommandForKey(key("ArrowUp"))).toBeUndefined();
    expect(labelCommandForKey(key("Enter", { ctrlKey: true }))).toBeUndefined();
    expect(labelCommandForKey(key("Delete", { metaKey: true }))).toBeUndefined();
  });

  it("the visible key list names every key the handler takes, and no nesting keys for a flat list", () => {
    const nestedHints = keyHints(true).join(" · ");
    for (const text of ["Enter rename", "Shift+Enter add", "Alt+Enter add sublabel", "Del delete", "Alt+↑/↓ move", "Alt+→/← indent/outdent"]) {
      expect(nestedHints).toContain(text);
    }
    const flatHints = keyHints(false).join(" · ");
    expect(flatHints).not.toMatch(/indent|sublabel/);
  });

  it("a flat list can't indent or add sublabels; moves stop at the ends", () => {
    const nodes = tree.fromWire(["a", "b"]);
    const ctx = (activeId: string, nested: boolean): LabelTreeContext => ({
      nodes,
      activeId,
      nested,
      update: () => undefined,
      add: () => undefined,
      rename: () => undefined,
      remove: () => undefined,
      openPaste: () => undefined,
    });
    const b = nodes[1].id;
    const can = (id: string, c: LabelTreeContext) => LABEL_COMMANDS.find((x) => x.id === id)!.canRun(c);
    expect(can("indent", ctx(b, true))).toBe(true);
    expect(can("indent", ctx(b, false))).toBe(false);
    expect(can("addChild", ctx(b, false))).toBe(false);
    expect(can("moveDown", ctx(b, true))).toBe(false);
    expect(can("moveUp", ctx(b, true))).toBe(true);
  });
});
