import { parseHexColor, type IndexRaster, type PixelRect } from "../../../geometry";
import type { MaskClasses } from "./classes";

/** Unlabeled pixels when they must not stay so: a strong magenta, half transparent. */
export const UNLABELED_HIGHLIGHT: readonly [number, number, number, number] = [255, 0, 200, 150];

/**
 * The raster as ONE displayable image: an offscreen canvas the size of the task's image, in the
 * classes' colours. A brush dab recolours only its dirty rectangle (a lookup per pixel and one
 * putImageData of that rectangle); the whole image is recoloured only when the palette changes.
 */
export class MaskPainter {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** RGBA per index packed as the platform's Uint32 (ImageData is little-endian on every browser we run). */
  private readonly lut = new Uint32Array(256);

  constructor(private readonly raster: IndexRaster) {
    this.canvas = document.createElement("canvas");
    this.canvas.width = raster.width;
    this.canvas.height = raster.height;
    const ctx = this.canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d context for the mask");
    this.ctx = ctx;
  }

  setPalette(classes: MaskClasses, highlightUnlabeled: boolean, isVisible: (label: string) => boolean = () => true): void {
    this.lut.fill(0);
    const pack = (r: number, g: number, b: number, a: number) => ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
    for (const c of classes.list) {
      const rgb = parseHexColor(c.color);
      if (rgb && isVisible(c.label)) this.lut[c.index] = pack(rgb[0], rgb[1], rgb[2], 255);
    }
    if (highlightUnlabeled) this.lut[0] = pack(...UNLABELED_HIGHLIGHT);
  }

  /** Recolours `rect` (or everything) from the raster. */
  paint(rect: PixelRect | null): void {
    const r = rect ?? { x: 0, y: 0, width: this.raster.width, height: this.raster.height };
    if (r.width <= 0 || r.height <= 0) return;
    const image = this.ctx.createImageData(r.width, r.height);
    const out = new Uint32Array(image.data.buffer);
    const { data, width } = this.raster;
    const lut = this.lut;
    for (let row = 0; row < r.height; row++) {
      let src = (r.y + row) * width + r.x;
      let dst = row * r.width;
      for (const end = dst + r.width; dst < end; dst++, src++) out[dst] = lut[data[src]];
    }
    this.ctx.putImageData(image, r.x, r.y);
  }
}
