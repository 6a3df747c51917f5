import { describe, expect, it } from "vitest";
import { Issues, checkVectorResponse } from "../../../geometry/validate";
import { createTestEditor } from "./testing";

describe("cuboid tool", () => {
  it("draws the face, then sets the depth: Idle → Pointing → Face → Depth → Idle", async () => {
    const ed = createTestEditor("cuboidannotation");
    ed.setTool("cuboid");
    ed.pointer.down(100, 100);
    ed.pointer.move(150, 150);
    expect(ed.store.getState().toolState).toBe("face");
    ed.pointer.up(200, 180);
    expect(ed.store.getState().toolState).toBe("depth");
    ed.pointer.move(260, 120);
    ed.pointer.down(260, 120);
    await ed.settle();
    expect(ed.store.getState().toolState).toBe("idle");
    const [c] = ed.wire().annotations;
    expect(c.vertices.map((v) => [v.description, v.x, v.y])).toEqual([
      ["face-topleft", 100, 100],
      ["face-bottomleft", 100, 180],
      ["face-topright", 200, 100],
      ["face-bottomright", 200, 180],
      ["side-topcorner", 260, 80],
      ["side-bottomcorner", 260, 160],
    ]);
    const issues = new Issues();
    checkVectorResponse("cuboidannotation", ed.params.raw, ed.wire(), null, issues);
    expect(issues.list).toEqual([]);
    expect(ed.store.getState().history.past).toHaveLength(1);
  });

  it("keeps a valid cuboid when a vertex is dragged, and refuses a face below the minimum", async () => {
    const ed = createTestEditor("cuboidannotation", { params: { min_width: 50, min_height: 50 } });
    ed.setTool("cuboid");
    ed.pointer.drag(100, 100, 130, 120);
    await ed.settle();
    expect(ed.store.getState().toolState).toBe("idle");
    expect(ed.store.getState().message?.text).toMatch(/below the minimum 50×50/);
    ed.pointer.drag(100, 100, 200, 200);
    ed.pointer.down(250, 150);
    await ed.settle();
    ed.setTool("select");
    ed.pointer.click(150, 150);
    ed.pointer.drag(200, 100, 120, 60);
    const issues = new Issues();
    checkVectorResponse("cuboidannotation", ed.params.raw, ed.wire(), null, issues);
    expect(issues.list).toEqual([]);
    expect(ed.wire().annotations[0].vertices[2]).toMatchObject({ description: "face-topright", x: 150, y: 60 });
  });
});
