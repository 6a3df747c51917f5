import { describe, expect, it } from "vitest";
import { createEditorStore } from "../store";
import { classesFromMapping, ensureMaskSession, maskIssues, maskSessionOf } from "./session";

const params = { labels: ["road", "sky"], instance_labels: ["car"], allow_unlabeled: false };

describe("mask session", () => {
  it("is one per editor, sized like the image", () => {
    const editor = createEditorStore();
    expect(maskSessionOf(editor)).toBeNull();
    const s = ensureMaskSession(editor, params, { width: 40, height: 30 });
    expect(ensureMaskSession(editor, params, { width: 40, height: 30 })).toBe(s);
    expect(maskSessionOf(editor)).toBe(s);
    expect(s.state.unlabeled).toBe(1200);
    expect(maskSessionOf(createEditorStore())).toBeNull();
  });

  it("reports unlabeled pixels as an issue only when they are not allowed", () => {
    const s = ensureMaskSession(createEditorStore(), params, { width: 10, height: 10 });
    s.raster.data.fill(1, 0, 90);
    s.recount();
    expect(maskIssues(s)).toEqual([
      { path: "response.annotations.combined.indexedImage", message: "10 pixels are unlabeled but allow_unlabeled is false", bounds: { x: 0, y: 9, width: 10, height: 1 } },
    ]);
    const lenient = ensureMaskSession(createEditorStore(), { ...params, allow_unlabeled: true }, { width: 10, height: 10 });
    expect(maskIssues(lenient)).toEqual([]);
  });

  it("selecting an instance label continues its last instance; new instance starts the next", () => {
    const s = ensureMaskSession(createEditorStore(), params, { width: 10, height: 10 });
    expect(s.selectLabel("car")).toBe(true);
    const first = s.state.active;
    expect(s.activeClass()).toMatchObject({ label: "car", instance: 0 });
    s.selectLabel("road");
    s.selectLabel("car");
    expect(s.state.active).toBe(first);
    const second = s.newInstance("car")!;
    expect(s.state.active).toBe(second.index);
    expect(s.selectLabel("bus")).toBe(false);
  });

  it("opens an existing answer with its indices and colours, dropping unknown indices", () => {
    const indices = new Uint8Array([1, 2, 7, 9, 0, 0]);
    const mapping = { road: { color: "#ff0000", index: 7 }, car: [{ color: "#00ff00", index: 9 }] };
    const s = ensureMaskSession(createEditorStore(), params, { width: 3, height: 2 }, { indices, labelMapping: mapping });
    const list = s.state.classes.list.map((c) => [c.index, c.label, c.instance]);
    expect(list).toContainEqual([7, "road", null]);
    expect(list).toContainEqual([9, "car", 0]);
    // "sky" was missing from the answer: it gets a free index.
    expect(list.find((c) => c[1] === "sky")?.[0]).toBe(1);
    expect(Array.from(s.raster.data)).toEqual([0, 0, 7, 9, 0, 0]);
    expect(classesFromMapping(params, {}).list.map((c) => c.label)).toEqual(["road", "sky"]);
  });

  it("save refuses unlabeled pixels with the reason, then succeeds once filled", async () => {
    const s = ensureMaskSession(createEditorStore(), params, { width: 4, height: 4 });
    const upload = async (png: Uint8Array) => `http://localhost/files/${png.length}.png`;
    expect(await s.save(upload)).toBeNull();
    expect(s.state.save).toEqual({ status: "error", message: expect.stringMatching(/16 pixels are unlabeled/) });
    s.raster.data.fill(2);
    s.recount();
    const response = await s.save(upload);
    expect(response?.labelMapping.sky).toMatchObject({ index: 2 });
    expect(s.state.save.status).toBe("saved");
  });
});
