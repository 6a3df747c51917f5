import { describe, expect, it } from "vitest";
import { createTestEditor } from "./testing";

describe("point tool", () => {
  it("places a point per click: Idle → Pointing → Idle", async () => {
    const ed = createTestEditor("pointannotation");
    ed.setTool("point");
    ed.pointer.down(12.345, 67.891);
    expect(ed.store.getState().toolState).toBe("pointing");
    ed.pointer.up(12.345, 67.891);
    await ed.settle();
    expect(ed.wire()).toEqual({ annotations: [{ x: 12.35, y: 67.89, label: "car" }] });
  });

  it("Alt-drags an existing point", async () => {
    const ed = createTestEditor("pointannotation");
    ed.setTool("point");
    ed.pointer.click(50, 50);
    await ed.settle();
    ed.pointer.drag(50, 50, 70, 40, { alt: true });
    expect(ed.wire().annotations).toEqual([{ x: 70, y: 40, label: "car" }]);
  });
});
