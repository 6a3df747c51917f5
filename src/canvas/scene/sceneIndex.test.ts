import { describe, expect, it } from "vitest";
import { sceneFromTask } from "./fromTask";
import { SceneIndex } from "./sceneIndex";

describe("SceneIndex", () => {
  const scene = sceneFromTask({
    type: "annotation",
    params: { layers: { boxes: [{ left: 0, top: 0, width: 1000, height: 1000, label: "zone" }] } },
    response: {
      annotations: [
        { left: 0, top: 0, width: 100, height: 100, label: "car" },
        { left: 10, top: 10, width: 20, height: 20, label: "wheel" },
        { left: 500, top: 500, width: 10, height: 10, label: "car" },
      ],
    },
  });
  const index = new SceneIndex(scene.objects);

  it("culls per kind", () => {
    expect(index.visible("box", { minX: 400, minY: 400, maxX: 600, maxY: 600 }).map((o) => o.id).sort()).toEqual([
      "layer:box:0",
      "response:box:2",
    ]);
    expect(index.visible("polygon", { minX: 0, minY: 0, maxX: 10, maxY: 10 })).toEqual([]);
  });

  it("picks the smallest response object and never a layer", () => {
    expect(index.pick(15, 15, 1, () => true)?.id).toBe("response:box:1");
    expect(index.pick(50, 50, 1, () => true)?.id).toBe("response:box:0");
    expect(index.pick(800, 800, 1, () => true)).toBeNull();
    expect(index.pick(15, 15, 1, (o) => o.label !== "wheel")?.id).toBe("response:box:0");
  });

  it("lists labels and kinds", () => {
    expect(index.labels).toEqual(["car", "wheel", "zone"]);
    expect(index.kindsPresent()).toEqual(["box"]);
  });
});
