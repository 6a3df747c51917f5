import { colorizeIndexed, MaskLookup, maskEntries, type LabelMappingEntry } from "../../geometry";
import type { MaskSource } from "../scene/types";

/** A loaded mask: what is displayed, and what the label-under-cursor lookup reads. */
export interface MaskData {
  width: number;
  height: number;
  lookup: MaskLookup;
  /** Red channel of the indexed image (one byte per pixel), or null when only the colour image loaded. */
  indices: Uint8Array | null;
  /** RGBA of the combined colour image, used for the lookup when there is no indexed image. */
  colors: Uint8ClampedArray | null;
  /** The pixels to display, coloured; rebuilt when mask labels are hidden. */
  canvas: HTMLCanvasElement;
  /** Raw RGBA of the indexed image, kept to recolour without decoding again. */
  indexedRgba: Uint8ClampedArray | null;
}

async function decode(url: string): Promise<ImageData> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  // No colour management or premultiplication: the red channel is an index, not a colour.
  const bitmap = await createImageBitmap(await res.blob(), { colorSpaceConversion: "none", premultiplyAlpha: "none" });
  const c = document.createElement("canvas");
  c.width = bitmap.width;
  c.height = bitmap.height;
  const ctx = c.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error("no 2d context");
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, c.width, c.height);
}

export function paintMask(data: MaskData, isVisible: (e: LabelMappingEntry) => boolean): void {
  const ctx = data.canvas.getContext("2d");
  if (!ctx) return;
  if (data.indexedRgba) {
    const { rgba } = colorizeIndexed(data.indexedRgba, data.lookup, isVisible);
    ctx.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, data.width, data.height), 0, 0);
  } else if (data.colors) {
    const out = new Uint8ClampedArray(data.colors);
    for (let i = 0; i < out.length; i += 4) {
      const e = data.lookup.atColor(out[i], out[i + 1], out[i + 2]);
      if (!e || !isVisible(e)) out[i + 3] = 0;
    }
    ctx.putImageData(new ImageData(out, data.width, data.height), 0, 0);
  }
}

/** Loads the indexed image (falling back to the combined colour image) into a displayable mask. */
export async function loadMask(source: MaskSource): Promise<MaskData> {
  const lookup = new MaskLookup(maskEntries(source.labelMapping));
  let indexed: ImageData | null = null;
  let combined: ImageData | null = null;
  if (source.indexedImage) indexed = await decode(source.indexedImage).catch(() => null);
  if (!indexed && source.combinedImage) combined = await decode(source.combinedImage);
  const img = indexed ?? combined;
  if (!img) throw new Error("the segmentation response has no mask image");
  const canvas = document.createElement("canvas");
  canvas.width = img.width;
  canvas.height = img.height;
  const data: MaskData = {
    width: img.width,
    height: img.height,
    lookup,
    indices: null,
    colors: combined ? combined.data : null,
    canvas,
    indexedRgba: indexed ? indexed.data : null,
  };
  if (indexed) data.indices = colorizeIndexed(indexed.data, lookup).indices;
  paintMask(data, () => true);
  return data;
}

/** The label (with instance number) at image pixel (x, y), or null outside or unlabeled. */
export function maskLabelAt(data: MaskData, x: number, y: number): string | null {
  const px = Math.floor(x);
  const py = Math.floor(y);
  if (px < 0 || py < 0 || px >= data.width || py >= data.height) return null;
  const i = py * data.width + px;
  const entry = data.indices
    ? data.lookup.atIndex(data.indices[i])
    : data.colors
      ? data.lookup.atColor(data.colors[4 * i], data.colors[4 * i + 1], data.colors[4 * i + 2])
      : null;
  if (!entry) return null;
  return entry.instance === null ? entry.label : `${entry.label} #${entry.instance + 1}`;
}
