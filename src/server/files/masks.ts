import { PNG } from "pngjs";
import type { SegmentannotationResponse } from "../../schema";

// PNG encoding of segmentation masks. Masks are written in the PNG colour type they need (grey
// for indexed images and per-label masks, RGB for the colour image) straight from byte arrays,
// without a 4-bytes-per-pixel detour, so big images stay cheap.

/** Where generated mask files go; returns the URL each file is served at. */
export interface MaskSink {
  save(name: string, png: Buffer): string;
}

function encode(width: number, height: number, data: Buffer, colorType: 0 | 2): Buffer {
  const png = new PNG();
  png.width = width;
  png.height = height;
  png.data = data;
  return PNG.sync.write(png, { colorType, inputColorType: colorType, inputHasAlpha: false, bitDepth: 8 });
}

/** The indexed image: each pixel's value (in every channel when read as RGBA) is its index. */
export function encodeIndexed(width: number, height: number, indices: Uint8Array): Buffer {
  return encode(width, height, Buffer.from(indices.buffer, indices.byteOffset, indices.byteLength), 0);
}

/** The colour image: each pixel in its index's colour; index 0 (unlabeled) black. */
export function encodeCombined(width: number, height: number, indices: Uint8Array, palette: Map<number, [number, number, number]>): Buffer {
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0; i < indices.length; i++) {
    const c = palette.get(indices[i]);
    if (!c) continue;
    rgb[3 * i] = c[0];
    rgb[3 * i + 1] = c[1];
    rgb[3 * i + 2] = c[2];
  }
  return encode(width, height, rgb, 2);
}

/** A binary mask: white where the pixel's index is `index`, black elsewhere. */
export function encodeMask(width: number, height: number, indices: Uint8Array, index: number): Buffer {
  const grey = Buffer.alloc(width * height);
  for (let i = 0; i < indices.length; i++) if (indices[i] === index) grey[i] = 255;
  return encode(width, height, grey, 0);
}

export function hexColor([r, g, b]: readonly [number, number, number]): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/** n clearly different colours: hues a golden angle apart, never black (that is unlabeled). */
export function palette(n: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < n; i++) {
    const h = (i * 137.508) % 360;
    const s = 0.65 + 0.3 * ((i * 7) % 3) / 2;
    const l = 0.45 + 0.15 * ((i * 5) % 3) / 2;
    const c = hsl(h, s, l);
    const key = hexColor(c);
    if (!seen.has(key) && key !== "#000000") {
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(255 * f(0)), Math.round(255 * f(8)), Math.round(255 * f(4))];
}

/**
 * A segmentation answer's `annotations` from its index image: the per-label files the caller
 * saved (`labeled`), plus the unlabeled mask (when the task allows unlabeled pixels), the colour
 * image and the indexed image, saved through `sink`.
 */
export function maskAnnotations(
  sink: MaskSink,
  image: { width: number; height: number; indices: Uint8Array; colourOf: Map<number, [number, number, number]> },
  labeled: SegmentannotationResponse["annotations"]["labeled"],
  allowUnlabeled: boolean,
): SegmentannotationResponse["annotations"] {
  const { width, height, indices, colourOf } = image;
  return {
    unlabeled: allowUnlabeled ? sink.save("unlabeled.png", encodeMask(width, height, indices, 0)) : null,
    labeled,
    combined: {
      image: sink.save("combined.png", encodeCombined(width, height, indices, colourOf)),
      indexedImage: sink.save("indexed.png", encodeIndexed(width, height, indices)),
    },
  };
}
