import { describe, expect, it } from "vitest";
import { sampleCardinalSpline } from "./spline";

describe("sampleCardinalSpline", () => {
  const pts = [414, 323, 616, 164, 776, 334];

  it("passes through every vertex, starting and ending on the endpoints", () => {
    const s = sampleCardinalSpline(pts, 0, 10);
    expect(s.length).toBe(2 + 2 * 10 * 2);
    expect(s.slice(0, 2)).toEqual([414, 323]);
    expect(s[20]).toBeCloseTo(616);
    expect(s[21]).toBeCloseTo(164);
    expect(s[s.length - 2]).toBeCloseTo(776);
    expect(s[s.length - 1]).toBeCloseTo(334);
  });

  it("bends beyond the polyline (it is a curve, not segments)", () => {
    const s = sampleCardinalSpline(pts, 0, 10);
    // Halfway along the first segment the chord is at (515, 243.5); the curve is not.
    const [mx, my] = [s[10], s[11]];
    expect(Math.hypot(mx - 515, my - 243.5)).toBeGreaterThan(5);
  });

  it("degenerates to straight segments at tension 1", () => {
    const s = sampleCardinalSpline([0, 0, 10, 0, 20, 0], 1, 4);
    for (let i = 1; i < s.length; i += 2) expect(s[i]).toBeCloseTo(0);
    for (let i = 2; i < s.length; i += 2) expect(s[i]).toBeGreaterThan(s[i - 2]);
  });

  it("keeps lines with fewer than three vertices as they are", () => {
    expect(sampleCardinalSpline([1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(sampleCardinalSpline([])).toEqual([]);
  });
});
