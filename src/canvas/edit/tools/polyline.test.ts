import { describe, expect, it } from "vitest";
import { createTestEditor } from "./testing";

describe("line and polygon tools", () => {
  it("adds a vertex per click and finishes on Enter: Idle → Drawing → Idle", async () => {
    const ed = createTestEditor("lineannotation");
    ed.setTool("line");
    ed.pointer.click(0, 0);
    expect(ed.store.getState().toolState).toBe("drawing");
    ed.pointer.move(40, 40);
    expect(ed.store.getState().draft?.cursor).toEqual({ x: 40, y: 40 });
    ed.pointer.click(50, 0);
    ed.pointer.click(100, 20);
    ed.machine.complete();
    await ed.settle();
    expect(ed.store.getState().toolState).toBe("idle");
    expect(ed.wire().annotations).toEqual([{ vertices: [{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 100, y: 20 }], label: "car" }]);
    expect(ed.store.getState().history.past).toHaveLength(1);
  });

  it("finishes on a double click without a duplicate vertex", async () => {
    const ed = createTestEditor("lineannotation");
    ed.setTool("line");
    ed.pointer.click(0, 0);
    ed.pointer.click(30, 30);
    ed.pointer.down(30, 30, { detail: 2 });
    await ed.settle();
    expect(ed.wire().annotations[0].vertices).toHaveLength(2);
  });

  it("Backspace removes the last vertex; Esc cancels the line", () => {
    const ed = createTestEditor("lineannotation");
    ed.setTool("line");
    ed.pointer.click(0, 0);
    ed.pointer.click(10, 0);
    expect(ed.keyboard.press("Backspace")).toBe(true);
    expect(ed.store.getState().draft?.objects[0].annotation).toMatchObject({ vertices: [{ x: 0, y: 0 }] });
    ed.machine.cancel();
    expect(ed.store.getState().draft).toBeNull();
    expect(ed.objects()).toHaveLength(0);
  });

  it("won't finish below min_vertices and finishes by itself at max_vertices", async () => {
    const ed = createTestEditor("lineannotation", { params: { min_vertices: 3, max_vertices: 4 } });
    ed.setTool("line");
    ed.pointer.click(0, 0);
    ed.pointer.click(10, 0);
    ed.machine.complete();
    expect(ed.store.getState().toolState).toBe("drawing");
    expect(ed.store.getState().message?.text).toMatch(/at least 3 vertices/);
    ed.pointer.click(20, 0);
    ed.pointer.click(30, 0);
    await ed.settle();
    expect(ed.store.getState().toolState).toBe("idle");
    expect(ed.wire().annotations[0].vertices).toHaveLength(4);
  });

  it("closes a polygon by clicking its first vertex", async () => {
    const ed = createTestEditor("polygonannotation", { scale: 2 });
    ed.setTool("polygon");
    ed.pointer.click(0, 0);
    ed.pointer.click(100, 0);
    // Two vertices: clicking the first one doesn't close (a polygon needs three), it adds.
    ed.pointer.click(100, 100);
    ed.pointer.click(1, 2);
    await ed.settle();
    expect(ed.wire().annotations[0].vertices).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 100 },
    ]);
  });
});
