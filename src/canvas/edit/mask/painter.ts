import { parseHexColor, unionRect, type IndexRaster, type PixelRect } from "../../../geometry";
import type { MaskClasses } from "./classes";

/**
 * Unlabeled pixels when they must not stay so: magenta diagonal stripes (3 of every 8 pixels),
 * strong enough to find a missed speck, open enough to still see the image under a fresh mask.
 */
export const UNLABELED_HIGHLIGHT: readonly [number, number, number, number] = [255, 0, 200, 190];
const STRIPE_PERIOD = 8;
const STRIPE_WIDTH = 3;

/**
 * The raster as ONE displayable image: an offscreen canvas the size of the task's image, in the
 * classes' colours. A dab recolours only its dirty rectangle in a full-size pixel buffer kept
 * for the session (no allocation per dab); the whole image is recoloured only when the palette
 * changes. During a stroke the screen is updated straight from the coloured pixels (MaskView)
 * and the big canvas is left alone: drawing a canvas that changed since it was last drawn makes the browser
 * copy all of it (33 MB at 3840×2160), so the changed rectangles are copied into it
 * (`putImageData` with a dirty rectangle) only when the whole image is drawn again (`flush`).
 */
export class MaskPainter {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly image: ImageData;
  private readonly pixels: Uint32Array;
  /** RGBA per index packed as Uint32 (ImageData is little-endian on every browser we run). */
  private readonly lut = new Uint32Array(256);
  private stripe = 0;
  /** Recoloured in `pixels` but not yet copied to `canvas`. */
  private stale: PixelRect | null = null;

  constructor(private readonly raster: IndexRaster) {
    this.canvas = document.createElement("canvas");
    this.canvas.width = raster.width;
    this.canvas.height = raster.height;
    const ctx = this.canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d context for the mask");
    this.ctx = ctx;
    this.image = ctx.createImageData(raster.width, raster.height);
    this.pixels = new Uint32Array(this.image.data.buffer);
  }

  setPalette(classes: MaskClasses, highlightUnlabeled: boolean, isVisible: (label: string) => boolean = () => true): void {
    this.lut.fill(0);
    const pack = (r: number, g: number, b: number, a: number) => ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
    for (const c of classes.list) {
      const rgb = parseHexColor(c.color);
      if (rgb && isVisible(c.label)) this.lut[c.index] = pack(rgb[0], rgb[1], rgb[2], 255);
    }
    this.stripe = highlightUnlabeled ? pack(...UNLABELED_HIGHLIGHT) : 0;
  }

  /** Recolours `rect` (or everything) from the raster. */
  paint(rect: PixelRect | null): void {
    const { data, width, height } = this.raster;
    const r = rect ?? { x: 0, y: 0, width, height };
    if (r.width <= 0 || r.height <= 0) return;
    const lut = this.lut;
    const out = this.pixels;
    const stripe = this.stripe;
    for (let row = r.y; row < r.y + r.height; row++) {
      const base = row * width;
      for (let x = r.x, end = r.x + r.width; x < end; x++) {
        const v = data[base + x];
        out[base + x] = v !== 0 ? lut[v] : stripe !== 0 && (x + row) % STRIPE_PERIOD < STRIPE_WIDTH ? stripe : 0;
      }
    }
    this.stale = unionRect(this.stale, r);
  }

  /** The full-size canvas, brought up to date with every recoloured pixel. */
  flush(): HTMLCanvasElement {
    const r = this.stale;
    if (r) this.ctx.putImageData(this.image, 0, 0, r.x, r.y, r.width, r.height);
    this.stale = null;
    return this.canvas;
  }

  /** The coloured pixels (RGBA packed, image size), current for every recoloured rectangle. */
  get colored(): Uint32Array {
    return this.pixels;
  }
}
