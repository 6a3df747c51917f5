// The static layer after an edit is redrawn only where the edit was (the dirty rectangles of the
// object's old and new extents, render/staticPainter.ts). Checked as a user would see it: after
// dragging a vertex among overlapping polygons and a read-only layer, the static layer's pixels
// are those of a full redraw of the same scene (labels off and on again: two full redraws), as
// seen over any image, within what the rasteriser's anti-aliasing does differently under a clip
// (a few levels, up to ~15 on a faint edge pixel). A missing, stale or misordered object differs
// by tens to hundreds of levels.
import { expect, test, type Page } from "@playwright/test";
import { EditCanvas, type Pt } from "./helpers/editCanvas";

const C: Pt = { x: 500, y: 436 };
const at = (dx: number, dy: number): Pt => ({ x: C.x + dx, y: C.y + dy });
/** Channel levels a partial and a full redraw may differ by (blend rounding under a clip). */
const ROUNDING_LEVELS = 32;

/** The static layer's RGBA bytes, sent as base64: a JSON array of millions of numbers takes seconds. */
async function staticPixels(page: Page): Promise<Uint8Array> {
  const b64 = await page.evaluate(() => {
    const canvas = document.querySelector('canvas[data-layer="static"]') as HTMLCanvasElement;
    const data = (canvas.getContext("2d") as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = "";
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return new Uint8Array(Buffer.from(b64, "base64"));
}

/**
 * How far two RGBA pixels look apart over the darkest and the brightest image beneath (the layer
 * is seen composited, so a faint pixel's colour matters as little as its alpha says).
 */
function seenDelta(a: Uint8Array, b: Uint8Array, i: number): number {
  let d = 0;
  for (const bg of [0, 255]) {
    for (let c = 0; c < 3; c++) {
      const over = (p: Uint8Array) => (p[i + c] * p[i + 3] + bg * (255 - p[i + 3])) / 255;
      d = Math.max(d, Math.abs(over(a) - over(b)));
    }
  }
  return d;
}

function differences(a: Uint8Array, b: Uint8Array, width = 0): { pixels: number; wrong: number; where: string[] } {
  let pixels = 0;
  let wrong = 0;
  const where: string[] = [];
  for (let i = 0; i < a.length; i += 4) {
    const d = seenDelta(a, b, i);
    if (d > 0) pixels++;
    if (d > ROUNDING_LEVELS) {
      wrong++;
      if (where.length < 8 && width) where.push(`(${(i / 4) % width}, ${Math.floor(i / 4 / width)}): ${a.slice(i, i + 4)} vs ${b.slice(i, i + 4)}`);
    }
  }
  return { pixels, wrong, where };
}

for (const zoom of [1, 0.37]) {
  test(`after a vertex drag at ${Math.round(zoom * 100)}%, the static layer is what a full redraw paints`, async ({ page }) => {
    const canvas = new EditCanvas(page);
    await canvas.open("polygonannotation");
    if (zoom === 1) await canvas.actualSize();
    else await canvas.zoomTo(zoom);
    // Three overlapping polygons of two labels (fills overlap, halos cross).
    const shapes: [Pt[], string][] = [
      [[at(-120, -100), at(60, -110), at(80, 60), at(-100, 80)], "car"],
      [[at(-40, -40), at(140, -30), at(150, 120), at(-30, 130)], "person"],
      [[at(-160, 0), at(20, -20), at(30, 150), at(-150, 160)], "car"],
    ];
    for (const [pts, label] of shapes) {
      await canvas.drawPolyline(pts, "enter");
      await canvas.pickLabel(label);
    }
    await expect.poll(async () => (await canvas.wire()).annotations.length).toBe(3);
    await page.waitForTimeout(300);
    const before = await staticPixels(page);

    await canvas.tool("select");
    await canvas.click(at(100, 40));
    await canvas.drag(at(140, -30), at(190, 10));
    await expect.poll(async () => ((await canvas.wire()).annotations[1].vertices as Pt[])[1]).toEqual(at(190, 10));
    await page.waitForTimeout(300);
    const partial = await staticPixels(page);
    // The edit is on the static layer (the polygon moved there), not only in the overlay.
    expect(differences(before, partial).pixels).toBeGreaterThan(50);

    for (let i = 0; i < 2; i++) {
      await page.keyboard.press("l");
      await page.waitForTimeout(200);
    }
    const full = await staticPixels(page);
    const width = await page.evaluate(() => (document.querySelector('canvas[data-layer="static"]') as HTMLCanvasElement).width);
    const d = differences(partial, full, width);
    expect(d.wrong, `${d.pixels} pixels differ, ${d.wrong} by more than ${ROUNDING_LEVELS} levels: ${d.where.join("; ")}`).toBe(0);
  });
}
