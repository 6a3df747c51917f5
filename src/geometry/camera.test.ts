import { describe, expect, it } from "vitest";
import { projectPoint, projectPoints } from "./camera";

describe("projectPoint", () => {
  const k = { fx: 1000, fy: 1000, cx: 600, cy: 300 };

  it("puts the optical axis at the principal point", () => {
    expect(projectPoint({ x: 0, y: 0, z: 5 }, k)).toEqual({ x: 600, y: 300 });
  });

  it("divides by depth and applies the scale factor of a resized attachment", () => {
    expect(projectPoint({ x: 1, y: -0.5, z: 10 }, k)).toEqual({ x: 700, y: 250 });
    expect(projectPoint({ x: 1, y: -0.5, z: 10 }, { ...k, scalefactor: 2 })).toEqual({ x: 350, y: 125 });
  });

  it("refuses points behind the camera", () => {
    expect(projectPoint({ x: 1, y: 1, z: -1 }, k)).toBeNull();
    expect(projectPoints([{ x: 0, y: 0, z: 1 }, { x: 0, y: 0, z: 0 }], k)).toBeNull();
  });
});
