import { describe, expect, it } from "vitest";
import {
  actualSize,
  fitImage,
  fitRect,
  imageToScreen,
  screenToImage,
  visibleRect,
  wheelZoomFactor,
  zoomAt,
} from "./viewport";

describe("viewport", () => {
  const view = { scale: 2, x: 10, y: -20 };

  it("maps screen to image and back", () => {
    const p = screenToImage(view, 110, 80);
    expect(p).toEqual({ x: 50, y: 50 });
    expect(imageToScreen(view, p.x, p.y)).toEqual({ x: 110, y: 80 });
  });

  it("zooms keeping the point under the cursor fixed", () => {
    const before = screenToImage(view, 300, 200);
    const zoomed = zoomAt(view, 1.7, 300, 200);
    expect(zoomed.scale).toBeCloseTo(3.4);
    const after = screenToImage(zoomed, 300, 200);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it("clamps the zoom", () => {
    expect(zoomAt(view, 1e6, 0, 0).scale).toBe(64);
    expect(zoomAt(view, 1e-9, 0, 0).scale).toBe(0.01);
  });

  it("fits an image centred with padding", () => {
    const fit = fitImage({ width: 4000, height: 3000 }, { width: 1000, height: 1000 }, 50);
    expect(fit.scale).toBeCloseTo(900 / 4000);
    const topLeft = imageToScreen(fit, 0, 0);
    const bottomRight = imageToScreen(fit, 4000, 3000);
    expect(topLeft.x).toBeCloseTo(50);
    expect(bottomRight.x).toBeCloseTo(950);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(500);
  });

  it("fits a small rect without exceeding the max scale", () => {
    const v = fitRect({ minX: 10, minY: 10, maxX: 12, maxY: 12 }, { width: 800, height: 600 }, 20, 8);
    expect(v.scale).toBe(8);
    const c = imageToScreen(v, 11, 11);
    expect(c.x).toBeCloseTo(400);
    expect(c.y).toBeCloseTo(300);
  });

  it("goes to 100% around the viewport centre", () => {
    const v = actualSize(view, { width: 400, height: 300 });
    expect(v.scale).toBe(1);
    const before = screenToImage(view, 200, 150);
    const after = screenToImage(v, 200, 150);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it("reports the visible image rect", () => {
    expect(visibleRect({ scale: 0.5, x: 0, y: 0 }, { width: 100, height: 50 })).toEqual({
      minX: 0,
      minY: 0,
      maxX: 200,
      maxY: 100,
    });
  });

  it("zooms in on wheel up and out on wheel down, symmetrically", () => {
    expect(wheelZoomFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, 0)).toBeLessThan(1);
    expect(wheelZoomFactor(100, 0) * wheelZoomFactor(-100, 0)).toBeCloseTo(1);
    expect(wheelZoomFactor(3, 1)).toBeCloseTo(wheelZoomFactor(48, 0));
  });
});
