import { describe, expect, it } from "vitest";
import { placeTags, type TagRequest } from "./labelPlacement";

const VIEW = { width: 800, height: 600 };
const overlap = (a: { x: number; y: number }, b: { x: number; y: number }, w: number, h: number) =>
  a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h;

describe("placeTags", () => {
  it("puts a lone tag above its anchor", () => {
    expect(placeTags([{ x: 100, y: 100, width: 40, height: 16 }], VIEW)).toEqual([{ x: 100, y: 84 }]);
  });

  it("never lets two tags overlap, even with the same anchor", () => {
    // Line tasks: several lines start at the same point, so their tags all want the same spot.
    const tags: TagRequest[] = Array.from({ length: 5 }, (_, i) => ({ x: 200 + i * 3, y: 300, width: 60, height: 16 }));
    const placed = placeTags(tags, VIEW);
    const shown = placed.filter((p): p is { x: number; y: number } => p !== null);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) expect(overlap(shown[i], shown[j], 60, 16)).toBe(false);
  });

  it("skips a tag that has no free spot", () => {
    const tags: TagRequest[] = Array.from({ length: 20 }, () => ({ x: 100, y: 100, width: 60, height: 16 }));
    const placed = placeTags(tags, VIEW);
    expect(placed.filter((p) => p === null).length).toBeGreaterThan(0);
  });

  it("keeps tags on screen", () => {
    const [p] = placeTags([{ x: 790, y: 5, width: 60, height: 16 }], VIEW);
    expect(p).not.toBeNull();
    expect(p!.x + 60).toBeLessThanOrEqual(800);
    expect(p!.y).toBeGreaterThanOrEqual(0);
  });
});
