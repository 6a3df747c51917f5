import { describe, expect, it } from "vitest";
import { createTestEditor } from "./testing";

describe("box tool", () => {
  it("drags corner to corner: Idle → Pointing → DraggingHandle → Idle, one history entry", async () => {
    const ed = createTestEditor("annotation");
    ed.setTool("box");
    ed.pointer.down(10, 20);
    expect(ed.store.getState().toolState).toBe("pointing");
    ed.pointer.move(60, 80);
    expect(ed.store.getState().toolState).toBe("dragging-handle");
    expect(ed.store.getState().draft?.objects).toHaveLength(1);
    ed.pointer.up(110, 70);
    await ed.settle();
    expect(ed.store.getState().toolState).toBe("idle");
    expect(ed.wire()).toEqual({ annotations: [{ left: 10, top: 20, width: 100, height: 50, label: "car" }] });
    expect(ed.store.getState().history.past).toHaveLength(1);
    expect(ed.store.getState().draft).toBeNull();
  });

  it("draws up-left too, and by clicking two corners", async () => {
    const ed = createTestEditor("annotation");
    ed.setTool("box");
    ed.pointer.drag(100, 100, 40, 30);
    ed.pointer.click(200, 200);
    expect(ed.store.getState().toolState).toBe("second-corner");
    ed.pointer.move(230, 260);
    ed.pointer.down(250, 240);
    await ed.settle();
    expect(ed.wire().annotations).toEqual([
      { left: 40, top: 30, width: 60, height: 70, label: "car" },
      { left: 200, top: 200, width: 50, height: 40, label: "car" },
    ]);
  });

  it("refuses a box below the minimum, showing it in the error style while drawing", async () => {
    const ed = createTestEditor("annotation", { params: { min_width: 30, min_height: 30 } });
    ed.setTool("box");
    ed.pointer.down(10, 10);
    ed.pointer.move(25, 25);
    ed.pointer.move(30, 28);
    const draft = ed.store.getState().draft;
    expect(draft?.invalid).toBe(true);
    expect(draft?.note).toContain("20×18");
    ed.pointer.up(30, 28);
    await ed.settle();
    expect(ed.objects()).toHaveLength(0);
    expect(ed.store.getState().message?.text).toMatch(/Not created.*minimum 30×30/);
    expect(ed.store.getState().history.past).toHaveLength(0);
  });

  it("starts a new box when pressed inside an existing one; Alt-drag moves it instead", async () => {
    const ed = createTestEditor("annotation");
    ed.setTool("box");
    ed.pointer.drag(0, 0, 200, 200);
    await ed.settle();
    ed.pointer.drag(50, 50, 100, 100);
    await ed.settle();
    expect(ed.objects()).toHaveLength(2);
    ed.pointer.drag(150, 150, 160, 170, { alt: true });
    expect(ed.wire().annotations[0]).toMatchObject({ left: 10, top: 20, width: 200, height: 200 });
    expect(ed.objects()).toHaveLength(2);
  });

  it("asks for a label unless one is current, and creates nothing when the picker is cancelled", async () => {
    const ed = createTestEditor("annotation", { label: null });
    ed.setTool("box");
    ed.pointer.drag(0, 0, 50, 50);
    await ed.settle();
    expect(ed.labelRequests).toBe(1);
    expect(ed.objects()).toHaveLength(0);
    ed.store.getState().setCurrentLabel("person");
    ed.pointer.drag(0, 0, 50, 50);
    await ed.settle();
    expect(ed.wire().annotations[0].label).toBe("person");
  });

  it("cancels the box being drawn on Esc / undo, leaving history alone", () => {
    const ed = createTestEditor("annotation");
    ed.setTool("box");
    ed.pointer.down(0, 0);
    ed.pointer.move(40, 40);
    expect(ed.machine.busy).toBe(true);
    ed.machine.cancel();
    expect(ed.store.getState().toolState).toBe("idle");
    expect(ed.store.getState().draft).toBeNull();
    ed.pointer.up(40, 40);
    expect(ed.objects()).toHaveLength(0);
  });
});
