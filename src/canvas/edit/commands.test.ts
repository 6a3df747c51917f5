import { describe, expect, it } from "vitest";
import { addObjects, removeObjects, setLabel, translateObjects } from "./commands";
import { makeObject } from "./document";
import { editCommand, type EditCommandContext } from "./editCommands";
import { createTestEditor } from "./tools/testing";

const box = (left: number) => makeObject("box", { left, top: 0, width: 10, height: 10 });

describe("commands and history", () => {
  it("removal undoes back into the same positions", () => {
    const ed = createTestEditor("annotation");
    const [a, b, c] = [box(0), box(20), box(40)];
    ed.store.getState().execute(addObjects([a, b, c]));
    ed.store.getState().execute(removeObjects([a.id, c.id]));
    expect(ed.objects().map((o) => o.id)).toEqual([b.id]);
    ed.store.getState().undo();
    expect(ed.objects().map((o) => o.id)).toEqual([a.id, b.id, c.id]);
    expect(ed.store.getState().selection).toEqual([a.id, c.id]);
  });

  it("merges nudges of one selection into one entry, and not others", () => {
    const ed = createTestEditor("annotation");
    const a = box(0);
    ed.store.getState().execute(addObjects([a]));
    for (let i = 0; i < 3; i++) ed.store.getState().execute(translateObjects(ed.objects(), 1, 0, "nudge:a"));
    ed.store.getState().execute(setLabel(ed.objects(), "car"));
    expect(ed.store.getState().history.past.map((c) => c.label)).toEqual(["Create 1 box", "Move 1 object", "Label 1 object car"]);
    expect(ed.wire().annotations[0]).toMatchObject({ left: 3, label: "car" });
    ed.store.getState().undo();
    ed.store.getState().undo();
    expect(ed.wire().annotations[0]).toEqual({ left: 0, top: 0, width: 10, height: 10 });
  });

  it("a new command clears the redo stack", () => {
    const ed = createTestEditor("annotation");
    ed.store.getState().execute(addObjects([box(0)]));
    ed.store.getState().undo();
    expect(ed.store.getState().canRedo()).toBe(true);
    ed.store.getState().execute(addObjects([box(5)]));
    expect(ed.store.getState().canRedo()).toBe(false);
  });
});

describe("editor command registry", () => {
  const context = (ed: ReturnType<typeof createTestEditor>): EditCommandContext => ({
    editor: ed.store,
    machine: ed.machine,
    params: ed.params,
    kind: "box",
    toggleHelp: () => undefined,
    openLabelPicker: () => undefined,
  });
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it("undo in the middle of drawing cancels the shape, not the history", async () => {
    const ed = createTestEditor("annotation");
    ed.setTool("box");
    ed.pointer.drag(0, 0, 50, 50);
    await ed.settle();
    ed.pointer.down(100, 100);
    ed.pointer.move(150, 150);
    const undo = editCommand("undo");
    expect(undo.matches(key("z", { ctrlKey: true }))).toBe(true);
    undo.run(context(ed));
    expect(ed.machine.busy).toBe(false);
    expect(ed.objects()).toHaveLength(1);
    undo.run(context(ed));
    expect(ed.objects()).toHaveLength(0);
    expect(editCommand("redo").matches(key("y", { ctrlKey: true }))).toBe(true);
    expect(editCommand("redo").matches(key("Z", { ctrlKey: true, shiftKey: true }))).toBe(true);
  });

  it("number keys set the current label and relabel the selection in one entry", async () => {
    const ed = createTestEditor("annotation", { params: { objects_to_annotate: ["car", "person", "tree"] } });
    ed.setTool("box");
    ed.pointer.drag(0, 0, 50, 50);
    await ed.settle();
    const pick = editCommand("pickLabel");
    pick.run(context(ed), key("3"));
    expect(ed.store.getState().currentLabel).toBe("tree");
    expect(ed.wire().annotations[0].label).toBe("tree");
    expect(ed.store.getState().history.past).toHaveLength(2);
  });

  it("duplicates, deletes and pastes", async () => {
    const ed = createTestEditor("annotation");
    ed.setTool("box");
    ed.pointer.drag(0, 0, 50, 50);
    await ed.settle();
    const ctx = context(ed);
    editCommand("duplicate").run(ctx);
    expect(ed.wire().annotations.map((a) => a.left)).toEqual([0, 10]);
    editCommand("copy").run(ctx);
    editCommand("delete").run(ctx);
    expect(ed.objects()).toHaveLength(1);
    editCommand("paste").run(ctx);
    expect(ed.wire().annotations.map((a) => a.left)).toEqual([0, 10]);
  });
});
