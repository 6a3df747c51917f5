import type { PixelRect, View } from "../../../geometry";
import { disjointRects, toDeviceRect, type DeviceRect } from "../../render/damage";
import type { MaskPainter } from "./painter";


export interface MaskViewInput {
  view: View;
  /** The layer canvas in device pixels, and its pixel ratio. */
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * Puts the edited mask on the mask layer's canvas. A view change or a recolouring draws the whole
 * image; between those, only the screen rectangles a stroke changed are written, sampled from
 * the coloured pixels at screen resolution. So a dab costs its own few thousand screen pixels,
 * not the 8 megapixels of the image (nor a copy of the whole image canvas, which drawing a
 * changed canvas costs).
 */
export class MaskView {
  private dirty: PixelRect[] = [];
  private all = true;
  private drawn: MaskViewInput | null = null;

  constructor(private readonly painter: MaskPainter) {}

  /** These image pixels changed (already recoloured in the painter). */
  changed(rect: PixelRect): void {
    this.dirty.push(rect);
  }

  /** Everything changed (new palette, hidden labels): the next draw is a full one. */
  changedAll(): void {
    this.all = true;
  }

  /**
   * One screen rectangle straight from the coloured pixels: each device pixel takes the image
   * pixel under its centre (what drawing the whole image without smoothing does), written with
   * putImageData, which ignores transform and clip and touches only this rectangle.
   */
  private putScreenPixels(ctx: CanvasRenderingContext2D, d: DeviceRect, input: MaskViewInput): void {
    const { view, pixelRatio: pr } = input;
    const k = view.scale * pr;
    const ox = view.x * pr;
    const oy = view.y * pr;
    const { width: imageW, height: imageH } = this.painter.canvas;
    const src = this.painter.colored;
    const columns = new Int32Array(d.w);
    for (let i = 0; i < d.w; i++) {
      const sx = Math.floor((d.x + i + 0.5 - ox) / k);
      columns[i] = sx >= 0 && sx < imageW ? sx : -1;
    }
    const image = ctx.createImageData(d.w, d.h);
    const out = new Uint32Array(image.data.buffer);
    for (let j = 0; j < d.h; j++) {
      const sy = Math.floor((d.y + j + 0.5 - oy) / k);
      if (sy < 0 || sy >= imageH) continue;
      const base = sy * imageW;
      const row = j * d.w;
      for (let i = 0; i < d.w; i++) {
        const sx = columns[i];
        if (sx >= 0) out[row + i] = src[base + sx];
      }
    }
    ctx.putImageData(image, d.x, d.y);
  }

  draw(ctx: CanvasRenderingContext2D, input: MaskViewInput): "full" | "partial" | "none" {
    const { view, pixelRatio: pr, width, height } = input;
    const last = this.drawn;
    const same = last !== null && last.width === width && last.height === height && last.pixelRatio === pr && last.view.scale === view.scale && last.view.x === view.x && last.view.y === view.y;
    let rects: DeviceRect[] = [];
    if (same && !this.all) {
      for (const r of this.dirty) {
        const d = toDeviceRect({ minX: r.x, minY: r.y, maxX: r.x + r.width, maxY: r.y + r.height }, view, pr, 1, width, height);
        if (d) rects.push(d);
      }
      rects = disjointRects(rects);
    }
    // Sampling at screen resolution costs at most the screen's pixels, so even an undo of a stroke
    // across the whole image is cheaper this way than drawing (and so copying) the image canvas.
    const full = !same || this.all;
    this.dirty = [];
    this.all = false;
    this.drawn = input;
    ctx.save();
    if (full) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.setTransform(view.scale * pr, 0, 0, view.scale * pr, view.x * pr, view.y * pr);
      // Label pixels are shown as they are (no blending of neighbours), as the patches are.
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.painter.flush(), 0, 0);
      ctx.restore();
      return "full";
    }
    for (const d of rects) this.putScreenPixels(ctx, d, input);
    ctx.restore();
    return rects.length > 0 ? "partial" : "none";
  }
}
