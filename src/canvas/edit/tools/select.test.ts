import { describe, expect, it } from "vitest";
import { createTestEditor } from "./testing";

async function withBoxes() {
  const ed = createTestEditor("annotation", { params: { min_width: 20, min_height: 20 } });
  ed.setTool("box");
  ed.pointer.drag(100, 100, 200, 150);
  await ed.settle();
  ed.pointer.drag(300, 300, 400, 400);
  await ed.settle();
  ed.setTool("select");
  ed.store.getState().select([]);
  return ed;
}

async function withPolygon(params: Record<string, unknown> = {}) {
  const ed = createTestEditor("polygonannotation", { params });
  ed.setTool("polygon");
  for (const [x, y] of [[0, 0], [100, 0], [100, 100], [0, 100]]) ed.pointer.click(x, y);
  ed.machine.complete();
  await ed.settle();
  ed.setTool("select");
  return ed;
}

describe("select tool", () => {
  it("clicks, shift-clicks and clears; a drag on empty space selects what is wholly inside", async () => {
    const ed = await withBoxes();
    const [a, b] = ed.objects().map((o) => o.id);
    ed.pointer.click(150, 125);
    expect(ed.store.getState().selection).toEqual([a]);
    ed.pointer.click(350, 350, { shift: true });
    expect(ed.store.getState().selection).toEqual([a, b]);
    ed.pointer.click(350, 350, { shift: true });
    expect(ed.store.getState().selection).toEqual([a]);
    ed.pointer.click(600, 600);
    expect(ed.store.getState().selection).toEqual([]);
    ed.pointer.down(50, 50);
    ed.pointer.move(120, 120);
    expect(ed.store.getState().toolState).toBe("marquee");
    expect(ed.store.getState().draft?.marquee).toEqual({ x: 50, y: 50, width: 70, height: 70 });
    ed.pointer.move(250, 250);
    ed.pointer.up(250, 250);
    expect(ed.store.getState().selection).toEqual([a]);
  });

  it("moves the selection in one entry; undo puts it back", async () => {
    const ed = await withBoxes();
    ed.pointer.click(150, 125);
    ed.pointer.click(350, 350, { shift: true });
    const before = ed.wire();
    ed.pointer.drag(150, 125, 160, 145);
    expect(ed.wire().annotations.map((a) => [a.left, a.top])).toEqual([
      [110, 120],
      [310, 320],
    ]);
    expect(ed.store.getState().history.past.at(-1)?.label).toBe("Move 2 objects");
    ed.store.getState().undo();
    expect(ed.wire()).toEqual(before);
  });

  it("resizes by a handle, never below the minimum", async () => {
    const ed = await withBoxes();
    ed.pointer.click(150, 125);
    ed.pointer.drag(200, 150, 250, 180);
    expect(ed.wire().annotations[0]).toMatchObject({ left: 100, top: 100, width: 150, height: 80 });
    ed.pointer.drag(100, 100, 245, 175);
    expect(ed.wire().annotations[0]).toMatchObject({ left: 230, top: 160, width: 20, height: 20 });
  });

  it("drags a vertex, inserts one at an edge midpoint, deletes one with Alt-click, never below the minimum", async () => {
    const ed = await withPolygon({ min_vertices: 4 });
    ed.pointer.click(50, 50);
    ed.pointer.drag(100, 100, 120, 130);
    expect(ed.wire().annotations[0].vertices[2]).toEqual({ x: 120, y: 130 });
    // The midpoint of the edge 0 → 1 is at (50, 0).
    ed.pointer.drag(50, 0, 50, -20);
    expect(ed.wire().annotations[0].vertices).toHaveLength(5);
    expect(ed.wire().annotations[0].vertices[1]).toEqual({ x: 50, y: -20 });
    expect(ed.store.getState().selectedVertex?.index).toBe(1);
    ed.pointer.click(50, -20, { alt: true });
    expect(ed.wire().annotations[0].vertices).toHaveLength(4);
    ed.pointer.click(0, 0, { alt: true });
    expect(ed.wire().annotations[0].vertices).toHaveLength(4);
    expect(ed.store.getState().message?.text).toMatch(/at least 4 vertices/);
    expect(ed.store.getState().history.past).toHaveLength(4);
  });

  it("doesn't offer midpoints at max_vertices", async () => {
    const ed = await withPolygon({ max_vertices: 4 });
    ed.pointer.click(50, 50);
    ed.pointer.drag(50, 0, 50, -20);
    // No handle there: the press on the polygon's edge moved the whole polygon instead.
    expect(ed.wire().annotations[0].vertices).toHaveLength(4);
  });

  it("keeps history across tool switches", async () => {
    const ed = await withBoxes();
    ed.setTool("box");
    ed.setTool("select");
    expect(ed.store.getState().history.past).toHaveLength(2);
    ed.store.getState().undo();
    ed.store.getState().undo();
    expect(ed.objects()).toHaveLength(0);
    ed.store.getState().redo();
    expect(ed.objects()).toHaveLength(1);
  });
});
