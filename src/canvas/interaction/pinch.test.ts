import { describe, expect, it } from "vitest";
import { screenToImage } from "../../geometry";
import { pinchView } from "./pinch";

describe("pinchView", () => {
  it("zooms by the change in finger distance around the midpoint", () => {
    const view = { scale: 1, x: 0, y: 0 };
    const next = pinchView(view, [{ x: 100, y: 100 }, { x: 200, y: 100 }], [{ x: 50, y: 100 }, { x: 250, y: 100 }]);
    expect(next.scale).toBeCloseTo(2);
    // The image point under the midpoint stays under it.
    const p = screenToImage(next, 150, 100);
    expect(p.x).toBeCloseTo(150);
    expect(p.y).toBeCloseTo(100);
  });

  it("pans with the midpoint when the fingers move together", () => {
    const view = { scale: 2, x: 10, y: 20 };
    const next = pinchView(view, [{ x: 0, y: 0 }, { x: 100, y: 0 }], [{ x: 30, y: 40 }, { x: 130, y: 40 }]);
    expect(next).toEqual({ scale: 2, x: 40, y: 60 });
  });
});
