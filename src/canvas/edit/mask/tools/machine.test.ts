import { describe, expect, it } from "vitest";
import { countUnlabeled } from "../../../../geometry";
import type { SegmentannotationParams } from "../../../../schema";
import { createTestEditor } from "../../tools/testing";
import { ensureMaskSession } from "../session";

// The mask tools inside the editor's real tool machine: the toolbar's tools for a segmentation
// task, a stroke as one entry, and a gesture cancelled by Esc or by switching tools.

function editor() {
  const t = createTestEditor("segmentannotation", { params: { labels: ["road", "sky"], instance_labels: ["car"] } });
  const session = ensureMaskSession(t.store, t.params.raw as SegmentannotationParams, { width: 200, height: 100 });
  session.setBrushSize(10);
  return { t, session };
}

describe("mask tools in the editor", () => {
  it("offers brush, eraser, polygon fill and fill unlabeled for segmentation", () => {
    expect(editor().t.machine.toolIds).toEqual(["brush", "eraser", "polygon-fill", "fill-unlabeled"]);
  });

  it("a drag with the brush is one history entry, undone and redone whole", () => {
    const { t, session } = editor();
    t.setTool("brush");
    t.pointer.drag(20, 50, 180, 50);
    expect(t.store.getState().history.past).toHaveLength(1);
    expect(t.store.getState().toolState).toBe("idle");
    const painted = countUnlabeled(session.raster);
    expect(painted).toBeLessThan(20_000);
    t.store.getState().undo();
    expect(countUnlabeled(session.raster)).toBe(20_000);
    t.store.getState().redo();
    expect(countUnlabeled(session.raster)).toBe(painted);
  });

  it("Esc (machine cancel) or switching tools mid-stroke drops the stroke", () => {
    const { t, session } = editor();
    t.setTool("brush");
    t.pointer.down(20, 50);
    t.pointer.move(100, 50);
    expect(t.store.getState().toolState).toBe("painting");
    t.machine.cancel();
    expect(countUnlabeled(session.raster)).toBe(20_000);
    t.pointer.down(20, 50);
    t.pointer.move(100, 50);
    t.setTool("eraser");
    expect(countUnlabeled(session.raster)).toBe(20_000);
    expect(t.store.getState().history.past).toHaveLength(0);
  });

  it("[ and ] reach the tool through the machine", () => {
    const { t, session } = editor();
    t.setTool("eraser");
    expect(t.keyboard.press("]")).toBe(true);
    expect(session.state.brushSize).toBe(12);
  });
});
