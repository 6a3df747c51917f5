import { describe, expect, it } from "vitest";
import { boxFromCorners, boxHandlePoint, isBelowMinimum, resizeBox, snapToMinimum } from "./boxEdit";

describe("box editing", () => {
  it("spans two corners in any order", () => {
    expect(boxFromCorners(50, 40, 10, 20)).toEqual({ left: 10, top: 20, width: 40, height: 20 });
  });

  it("tells a box below the minimum", () => {
    expect(isBelowMinimum({ left: 0, top: 0, width: 19, height: 30 }, 20, 20)).toBe(true);
    expect(isBelowMinimum({ left: 0, top: 0, width: 20, height: 20 }, 20, 20)).toBe(false);
  });

  it("snaps to the minimum from the anchor towards the drag", () => {
    expect(snapToMinimum({ left: 10, top: 10, width: 5, height: 5 }, 20, 30)).toEqual({ left: 10, top: 10, width: 20, height: 30 });
    expect(snapToMinimum({ left: 10, top: 10, width: 5, height: 5 }, 20, 30, -1, -1)).toEqual({ left: -5, top: -15, width: 20, height: 30 });
  });

  it("resizes by each handle, keeping the opposite side", () => {
    const b = { left: 100, top: 100, width: 100, height: 50 };
    expect(resizeBox(b, "se", 250, 180)).toEqual({ left: 100, top: 100, width: 150, height: 80 });
    expect(resizeBox(b, "nw", 90, 80)).toEqual({ left: 90, top: 80, width: 110, height: 70 });
    expect(resizeBox(b, "e", 260, 999)).toEqual({ left: 100, top: 100, width: 160, height: 50 });
    expect(resizeBox(b, "n", 999, 120)).toEqual({ left: 100, top: 120, width: 100, height: 30 });
    // Dragging past the fixed side flips the box.
    expect(resizeBox(b, "e", 60, 0)).toEqual({ left: 60, top: 100, width: 40, height: 50 });
  });

  it("never resizes below the minimum when one is given", () => {
    const b = { left: 100, top: 100, width: 100, height: 50 };
    expect(resizeBox(b, "se", 105, 102, { width: 20, height: 10 })).toEqual({ left: 100, top: 100, width: 20, height: 10 });
    expect(resizeBox(b, "w", 199, 0, { width: 20, height: 10 })).toEqual({ left: 180, top: 100, width: 20, height: 50 });
    // A zero minimum still keeps one pixel.
    expect(resizeBox(b, "s", 0, 100, { width: 0, height: 0 }).height).toBe(1);
  });

  it("places handles on corners and edge midpoints", () => {
    const b = { left: 0, top: 0, width: 10, height: 20 };
    expect(boxHandlePoint(b, "se")).toEqual({ x: 10, y: 20 });
    expect(boxHandlePoint(b, "n")).toEqual({ x: 5, y: 0 });
    expect(boxHandlePoint(b, "w")).toEqual({ x: 0, y: 10 });
  });
});
