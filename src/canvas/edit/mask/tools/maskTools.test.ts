import { describe, expect, it } from "vitest";
import { countUnlabeled } from "../../../../geometry";
import { createEditorStore } from "../../store";
import type { EditorParams, ToolContext, ToolDefinition, ToolPointerEvent, ToolState } from "../../types";
import { ensureMaskSession, type MaskSession } from "../session";
import { brushTool, eraserTool } from "./stroke";
import { fillUnlabeledTool } from "./fillUnlabeled";
import { polygonFillTool } from "./polygonFill";

// Drives each mask tool's states the way the editor's machine does (transition → exit/enter),
// against a real editor store, so history entries are the real thing.

const params = { labels: ["road", "sky"], instance_labels: ["car"], allow_unlabeled: false };

function harness(tool: ToolDefinition) {
  const editor = createEditorStore();
  const session: MaskSession = ensureMaskSession(editor, params, { width: 100, height: 60 });
  const instance = tool.create();
  let state: ToolState = instance.states[instance.initial];
  const messages: string[] = [];
  const ctx: ToolContext = {
    editor,
    params: {} as EditorParams, // the mask tools read their settings from the session
    kind: null,
    view: () => ({ x: 0, y: 0, scale: 1 }),
    toImage: (px) => px,
    pick: () => null,
    pickHandle: () => null,
    transition(id) {
      state.exit?.(ctx);
      state = instance.states[id];
      state.enter?.(ctx);
    },
    execute: (c) => editor.getState().execute(c),
    notify: (text) => void messages.push(text),
    requestLabel: async () => undefined,
  };
  const ev = (x: number, y: number, extra: Partial<ToolPointerEvent> = {}): ToolPointerEvent => ({ x, y, sx: x, sy: y, button: 0, shift: false, alt: false, mod: false, detail: 1, ...extra });
  return {
    editor,
    session,
    messages,
    get state() {
      return state.id;
    },
    down: (x: number, y: number, extra?: Partial<ToolPointerEvent>) => state.pointerDown?.(ctx, ev(x, y, extra)),
    move: (x: number, y: number) => state.pointerMove?.(ctx, ev(x, y)),
    up: (x: number, y: number) => state.pointerUp?.(ctx, ev(x, y)),
    key: (key: string) => state.key?.(ctx, { key, shift: false, alt: false, mod: false }) ?? false,
    cancel: () => state.cancel?.(ctx),
    complete: () => state.complete?.(ctx),
    px: (x: number, y: number) => session.raster.data[y * 100 + x],
  };
}

describe("brush and eraser", () => {
  it("a stroke is one history entry; undo restores the pixels, redo repaints them", () => {
    const h = harness(brushTool);
    h.session.setBrushSize(6);
    h.session.selectLabel("sky");
    h.down(10, 10);
    expect(h.state).toBe("painting");
    h.move(30, 10);
    h.move(50, 30);
    h.up(50, 30);
    expect(h.state).toBe("idle");
    expect(h.px(20, 10)).toBe(2);
    expect(h.px(40, 20)).toBe(2);
    expect(h.editor.getState().history.past).toHaveLength(1);
    const painted = h.session.raster.data.slice();
    expect(h.session.state.unlabeled).toBe(countUnlabeled(h.session.raster));
    h.editor.getState().undo();
    expect(countUnlabeled(h.session.raster)).toBe(6000);
    expect(h.session.state.unlabeled).toBe(6000);
    h.editor.getState().redo();
    expect(h.session.raster.data).toEqual(painted);
    expect(h.session.state.unlabeled).toBe(countUnlabeled(h.session.raster));
  });

  it("the eraser makes pixels unlabeled, and Esc mid-stroke puts them back with no entry", () => {
    const h = harness(eraserTool);
    h.session.raster.data.fill(1);
    h.session.recount();
    h.session.setBrushSize(4);
    h.down(50, 30);
    h.move(70, 30);
    expect(h.px(60, 30)).toBe(0);
    h.cancel();
    expect(h.state).toBe("idle");
    expect(h.px(60, 30)).toBe(1);
    expect(h.editor.getState().history.past).toHaveLength(0);
    h.down(50, 30);
    h.up(70, 30);
    expect(h.px(60, 30)).toBe(0);
    expect(h.session.state.unlabeled).toBeGreaterThan(0);
  });

  it("[ and ] change the brush size in every state", () => {
    const h = harness(brushTool);
    h.session.setBrushSize(20);
    expect(h.key("]")).toBe(true);
    expect(h.session.state.brushSize).toBe(23);
    expect(h.key("[")).toBe(true);
    expect(h.session.state.brushSize).toBe(20);
    h.session.setBrushSize(1);
    h.key("[");
    expect(h.session.state.brushSize).toBe(1);
    expect(h.key("x")).toBe(false);
  });

  it("paints an instance label per instance", () => {
    const h = harness(brushTool);
    h.session.selectLabel("car");
    const first = h.session.state.active;
    h.down(10, 10);
    h.up(10, 10);
    const second = h.session.newInstance("car")!.index;
    h.down(80, 40);
    h.up(80, 40);
    expect(h.px(10, 10)).toBe(first);
    expect(h.px(80, 40)).toBe(second);
    expect(second).not.toBe(first);
  });
});

describe("fills", () => {
  it("fill unlabeled fills the region under the click; Shift fills every unlabeled pixel", () => {
    const h = harness(fillUnlabeledTool);
    for (let y = 0; y < 60; y++) h.session.raster.data[y * 100 + 50] = 1; // a wall
    h.session.recount();
    h.session.selectLabel("sky");
    h.down(10, 10);
    expect(h.px(49, 59)).toBe(2);
    expect(h.px(51, 0)).toBe(0);
    h.down(10, 10); // now labelled: nothing happens, and the user is told why
    expect(h.messages.at(-1)).toMatch(/already has a label/);
    h.down(60, 10, { shift: true });
    expect(countUnlabeled(h.session.raster)).toBe(0);
    expect(h.session.state.unlabeled).toBe(0);
    expect(h.editor.getState().history.past).toHaveLength(2);
    h.editor.getState().undo();
    expect(h.px(51, 0)).toBe(0);
    expect(h.px(49, 0)).toBe(2);
  });

  it("polygon fill: click vertices, close on the first one, one entry; Backspace and Esc", () => {
    const h = harness(polygonFillTool);
    h.session.selectLabel("road");
    h.down(10, 10);
    h.down(40, 10);
    h.down(40, 40);
    h.key("Backspace");
    expect(h.session.state.polygon).toEqual([10, 10, 40, 10]);
    h.down(40, 40);
    h.down(10, 40);
    h.down(11, 11); // near the first vertex: closes
    expect(h.state).toBe("idle");
    expect(h.px(25, 25)).toBe(1);
    expect(h.px(45, 25)).toBe(0);
    expect(h.session.state.polygon).toBeNull();
    expect(h.editor.getState().history.past).toHaveLength(1);

    h.down(60, 10);
    h.down(90, 10);
    h.complete(); // Enter with 2 vertices: refused, still outlining
    expect(h.state).toBe("outlining");
    expect(h.messages.at(-1)).toMatch(/at least 3/);
    h.cancel();
    expect(h.state).toBe("idle");
    expect(h.session.state.polygon).toBeNull();
  });
});
