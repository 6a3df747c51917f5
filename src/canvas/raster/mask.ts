import { MaskLookup, maskEntries, parseHexColor, type LabelMappingEntry, type Rect } from "../../geometry";
import type { MaskSource } from "../scene/types";

/** Where one mask index is: its pixel count and bounding box, in mask pixels. */
export interface MaskRegion {
  pixels: number;
  bounds: Rect;
}

/** A loaded mask: what is displayed, and what the label-under-cursor lookup reads. */
export interface MaskData {
  width: number;
  height: number;
  lookup: MaskLookup;
  /** One label index per pixel (from the indexed image or the per-label masks), or null when only the colour image loaded. */
  indices: Uint8Array | null;
  /** RGBA of the combined colour image, used for the lookup when there is no index per pixel. */
  colors: Uint8ClampedArray | null;
  /** The pixels to display, coloured; rebuilt when mask labels are hidden. */
  canvas: HTMLCanvasElement;
  /** Per index: how many pixels and where (empty when only the colour image loaded). */
  regions: ReadonlyMap<number, MaskRegion>;
  /** Which of the response's images the mask was read from. */
  from: "indexedImage" | "labeled" | "image";
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

/** The red channel of an indexed image: one index per pixel. */
function redChannel(img: ImageData): Uint8Array {
  const out = new Uint8Array(img.width * img.height);
  for (let i = 0; i < out.length; i++) out[i] = img.data[4 * i];
  return out;
}

/**
 * Builds the index image from the per-label masks (`annotations.labeled`, white where the label
 * or instance is), for responses whose indexed image is missing or can't be read. Each mask's
 * pixels take the index labelMapping gives its label (or instance).
 */
async function indicesFromLabeled(source: MaskSource, lookup: MaskLookup): Promise<{ width: number; height: number; indices: Uint8Array } | null> {
  const byKey = new Map(lookup.entries.map((e) => [`${e.label}\u0000${e.instance ?? ""}`, e.index]));
  const masks = await Promise.all(
    source.labeled.map(async (m) => {
      const index = byKey.get(`${m.label}\u0000${m.instance ?? ""}`);
      if (index === undefined) return null;
      const img = await decode(m.url).catch(() => null);
      return img ? { index, img } : null;
    }),
  );
  const loaded = masks.filter((m): m is { index: number; img: ImageData } => m !== null);
  if (loaded.length === 0) return null;
  const { width, height } = loaded[0].img;
  const indices = new Uint8Array(width * height);
  for (const { index, img } of loaded) {
    if (img.width !== width || img.height !== height) continue;
    const d = img.data;
    // Greyscale masks read as RGBA: white (and opaque) where the label is.
    for (let i = 0; i < indices.length; i++) if (d[4 * i] > 127 && d[4 * i + 3] > 127) indices[i] = index;
  }
  return { width, height, indices };
}

function regionsOf(indices: Uint8Array, width: number): Map<number, MaskRegion> {
  const regions = new Map<number, MaskRegion>();
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i];
    if (v === 0) continue;
    const x = i % width;
    const y = (i - x) / width;
    const r = regions.get(v);
    if (!r) regions.set(v, { pixels: 1, bounds: { minX: x, minY: y, maxX: x + 1, maxY: y + 1 } });
    else {
      r.pixels++;
      if (x < r.bounds.minX) r.bounds.minX = x;
      if (x + 1 > r.bounds.maxX) r.bounds.maxX = x + 1;
      r.bounds.maxY = y + 1;
    }
  }
  return regions;
}

/** A 256-entry colour table (packed RGBA little-endian) of the visible entries. */
function colorTable(lookup: MaskLookup, isVisible: (e: LabelMappingEntry) => boolean): Uint32Array {
  const table = new Uint32Array(256);
  for (const e of lookup.entries) {
    const rgb = parseHexColor(e.color);
    if (!rgb || e.index < 0 || e.index > 255 || !isVisible(e)) continue;
    table[e.index] = (255 << 24) | (rgb[2] << 16) | (rgb[1] << 8) | rgb[0];
  }
  return table;
}

export function paintMask(data: MaskData, isVisible: (e: LabelMappingEntry) => boolean): void {
  const ctx = data.canvas.getContext("2d");
  if (!ctx) return;
  const out = new ImageData(data.width, data.height);
  if (data.indices) {
    const table = colorTable(data.lookup, isVisible);
    const px = new Uint32Array(out.data.buffer);
    for (let i = 0; i < px.length; i++) px[i] = table[data.indices[i]];
  } else if (data.colors) {
    out.data.set(data.colors);
    const d = out.data;
    for (let i = 0; i < d.length; i += 4) {
      const e = data.lookup.atColor(d[i], d[i + 1], d[i + 2]);
      if (!e || !isVisible(e)) d[i + 3] = 0;
    }
  }
  ctx.putImageData(out, 0, 0);
}

/**
 * Loads the mask: the indexed image, else the per-label masks, else the combined colour image
 * (read back to labels through the mapping's colours).
 */
export async function loadMask(source: MaskSource): Promise<MaskData> {
  const lookup = new MaskLookup(maskEntries(source.labelMapping));
  let grid: { width: number; height: number; indices: Uint8Array } | null = null;
  let from: MaskData["from"] = "indexedImage";
  let colors: ImageData | null = null;
  if (source.indexedImage) {
    const img = await decode(source.indexedImage).catch(() => null);
    if (img) grid = { width: img.width, height: img.height, indices: redChannel(img) };
  }
  if (!grid && source.labeled.length > 0) {
    grid = await indicesFromLabeled(source, lookup);
    from = "labeled";
  }
  if (!grid && source.combinedImage) {
    colors = await decode(source.combinedImage);
    from = "image";
  }
  const width = grid?.width ?? colors?.width;
  const height = grid?.height ?? colors?.height;
  if (!width || !height) throw new Error("the segmentation response has no mask image that could be read");
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const data: MaskData = {
    width,
    height,
    lookup,
    indices: grid?.indices ?? null,
    colors: colors?.data ?? null,
    canvas,
    regions: grid ? regionsOf(grid.indices, width) : new Map(),
    from,
  };
  paintMask(data, () => true);
  return data;
}

/** The mapping entry at image pixel (x, y), or null outside or unlabeled. */
export function maskEntryAt(data: MaskData, x: number, y: number): LabelMappingEntry | null {
  const px = Math.floor(x);
  const py = Math.floor(y);
  if (px < 0 || py < 0 || px >= data.width || py >= data.height) return null;
  const i = py * data.width + px;
  return data.indices
    ? data.lookup.atIndex(data.indices[i])
    : data.colors
      ? data.lookup.atColor(data.colors[4 * i], data.colors[4 * i + 1], data.colors[4 * i + 2])
      : null;
}

/** How a mapping entry is named to people: the label, and its instance number from 1. */
export function maskEntryName(e: Pick<LabelMappingEntry, "label" | "instance">): string {
  return e.instance === null ? e.label : `${e.label} #${e.instance + 1}`;
}

/** The label (with instance number) at image pixel (x, y), or null outside or unlabeled. */
export function maskLabelAt(data: MaskData, x: number, y: number): string | null {
  const entry = maskEntryAt(data, x, y);
  return entry ? maskEntryName(entry) : null;
}

/**
 * One entry's pixels, for the highlight drawn when its row in the object list is hovered or
 * selected: filled in its colour, with a white rim, cropped to the entry's bounding box.
 */
export function maskHighlight(data: MaskData, index: number): { canvas: HTMLCanvasElement; x: number; y: number } | null {
  const region = data.regions.get(index);
  const entry = data.lookup.atIndex(index);
  const rgb = entry ? parseHexColor(entry.color) : null;
  if (!region || !data.indices || !rgb) return null;
  const { minX, minY, maxX, maxY } = region.bounds;
  const w = maxX - minX;
  const h = maxY - minY;
  const out = new ImageData(w, h);
  const px = new Uint32Array(out.data.buffer);
  const fill = (230 << 24) | (rgb[2] << 16) | (rgb[1] << 8) | rgb[0];
  const rim = 0xffffffff;
  const ind = data.indices;
  const W = data.width;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (minY + y) * W + minX + x;
      if (ind[i] !== index) continue;
      const gx = minX + x;
      const gy = minY + y;
      const edge =
        gx === 0 || gy === 0 || gx === W - 1 || gy === data.height - 1 || ind[i - 1] !== index || ind[i + 1] !== index || ind[i - W] !== index || ind[i + W] !== index;
      px[y * w + x] = edge ? rim : fill;
    }
  }
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  canvas.getContext("2d")?.putImageData(out, 0, 0);
  return { canvas, x: minX, y: minY };
}
