import { encode as encodePng } from "fast-png";
import { parseHexColor, type IndexRaster } from "../../../geometry";
import type { MaskEntry, SegmentannotationParams, SegmentannotationResponse } from "../../../schema";
import type { MaskClass, MaskClasses } from "./classes";

// The segmentation response as the docs define it, encoded from the label raster in the browser
// (fast-png: pure JS, so the same code runs in vitest against the server's validator):
//  - combined.indexedImage: an indexed (palette) PNG whose palette entry i is (i, i, i), so any
//    decoder's red channel gives the label index, as the view mode and the validator read it;
//  - combined.image: RGB, each pixel in its class's colour, unlabeled black;
//  - one 1-bit mask per semantic label and per instance, and one of the unlabeled pixels when
//    allow_unlabeled is true and some remain.

/** Which part of the response a file is. */
export type MaskFileRole =
  | { kind: "indexedImage" }
  | { kind: "image" }
  | { kind: "unlabeled" }
  | { kind: "label"; label: string; instance: number | null };

export interface MaskFile {
  role: MaskFileRole;
  png: Uint8Array;
}

export interface EncodedSegmentation {
  files: MaskFile[];
  labelMapping: SegmentannotationResponse["labelMapping"];
  /** Pixels with index 0. */
  unlabeled: number;
}

export function histogram(raster: IndexRaster): Uint32Array {
  const counts = new Uint32Array(256);
  const d = raster.data;
  for (let i = 0; i < d.length; i++) counts[d[i]]++;
  return counts;
}

/** The classes that go on the wire: every semantic label; instances that still have pixels. */
function wireClasses(classes: MaskClasses, counts: Uint32Array): MaskClass[] {
  const known = new Set(classes.list.map((c) => c.index));
  for (let i = 1; i < 256; i++) {
    if (counts[i] > 0 && !known.has(i)) throw new Error(`the mask uses index ${i}, which no label or instance has`);
  }
  return classes.list.filter((c) => c.instance === null || counts[c.index] > 0);
}

export function encodeIndexed(raster: IndexRaster): Uint8Array {
  let max = 0;
  for (let i = 0; i < raster.data.length; i++) if (raster.data[i] > max) max = raster.data[i];
  const palette = Array.from({ length: max + 1 }, (_, i) => [i, i, i]);
  return encodePng({ width: raster.width, height: raster.height, data: raster.data, channels: 1, depth: 8, palette });
}

export function encodeCombined(raster: IndexRaster, classes: readonly MaskClass[]): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (const c of classes) table.set(parseHexColor(c.color) ?? [0, 0, 0], 3 * c.index);
  const d = raster.data;
  const rgb = new Uint8Array(d.length * 3);
  for (let i = 0; i < d.length; i++) {
    const t = 3 * d[i];
    rgb[3 * i] = table[t];
    rgb[3 * i + 1] = table[t + 1];
    rgb[3 * i + 2] = table[t + 2];
  }
  return encodePng({ width: raster.width, height: raster.height, data: rgb, channels: 3, depth: 8 });
}

/** A 1-bit greyscale mask: white where the pixel's index is `index`. */
export function encodeBinaryMask(raster: IndexRaster, index: number): Uint8Array {
  const { width: w, height: h, data } = raster;
  const stride = Math.ceil(w / 8);
  const bits = new Uint8Array(stride * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const out = y * stride;
    for (let x = 0; x < w; x++) if (data[row + x] === index) bits[out + (x >> 3)] |= 0x80 >> (x & 7);
  }
  return encodePng({ width: w, height: h, data: bits, channels: 1, depth: 1 });
}

/** Encodes every file of the response (the URLs come later, from the upload). */
export function encodeSegmentation(
  raster: IndexRaster,
  classes: MaskClasses,
  params: Pick<SegmentannotationParams, "labels" | "instance_labels" | "allow_unlabeled">,
): EncodedSegmentation {
  const counts = histogram(raster);
  const wire = wireClasses(classes, counts);
  const labelMapping: SegmentannotationResponse["labelMapping"] = {};
  for (const label of params.labels) {
    const c = wire.find((w) => w.label === label && w.instance === null);
    if (!c) throw new Error(`label "${label}" has no index`);
    labelMapping[label] = { color: c.color, index: c.index };
  }
  for (const label of params.instance_labels) {
    labelMapping[label] = wire
      .filter((w) => w.label === label && w.instance !== null)
      .sort((a, b) => (a.instance ?? 0) - (b.instance ?? 0))
      .map((c): MaskEntry => ({ color: c.color, index: c.index }));
  }
  const files: MaskFile[] = [
    { role: { kind: "indexedImage" }, png: encodeIndexed(raster) },
    { role: { kind: "image" }, png: encodeCombined(raster, wire) },
  ];
  for (const c of wire) files.push({ role: { kind: "label", label: c.label, instance: c.instance }, png: encodeBinaryMask(raster, c.index) });
  if (params.allow_unlabeled && counts[0] > 0) files.push({ role: { kind: "unlabeled" }, png: encodeBinaryMask(raster, 0) });
  return { files, labelMapping, unlabeled: counts[0] };
}

/**
 * The wire response once every file has a URL (`urls[i]` is where `encoded.files[i]` is
 * served). Instance masks are listed in the same order as their labelMapping entries.
 */
export function segmentationResponse(
  encoded: EncodedSegmentation,
  urls: readonly string[],
  params: Pick<SegmentannotationParams, "labels" | "instance_labels">,
): SegmentannotationResponse {
  if (urls.length !== encoded.files.length) throw new Error(`${encoded.files.length} mask files but ${urls.length} URLs`);
  let indexedImage = "";
  let image = "";
  let unlabeled: string | null = null;
  const labeled: Record<string, string | string[]> = {};
  for (const label of params.instance_labels) labeled[label] = [];
  encoded.files.forEach((f, i) => {
    const url = urls[i];
    const role = f.role;
    if (role.kind === "indexedImage") indexedImage = url;
    else if (role.kind === "image") image = url;
    else if (role.kind === "unlabeled") unlabeled = url;
    else if (role.instance === null) labeled[role.label] = url;
    else (labeled[role.label] as string[]).push(url);
  });
  // Semantic labels first in params order, then instance labels, as the docs' example lists them.
  const ordered: Record<string, string | string[]> = {};
  for (const label of [...params.labels, ...params.instance_labels]) ordered[label] = labeled[label];
  return { annotations: { unlabeled, labeled: ordered, combined: { image, indexedImage } }, labelMapping: encoded.labelMapping, instances: {} };
}

/** Uploads one PNG and resolves the URL it is served at. */
export type UploadPng = (png: Uint8Array) => Promise<string>;

/**
 * Encodes and uploads the whole segmentation. Files are uploaded one after another (a few at a
 * time would not help: the server writes them to one disk) and identical masks share a URL
 * because the server names files by content hash.
 */
export async function saveSegmentation(
  raster: IndexRaster,
  classes: MaskClasses,
  params: Pick<SegmentannotationParams, "labels" | "instance_labels" | "allow_unlabeled">,
  upload: UploadPng,
): Promise<SegmentannotationResponse> {
  const encoded = encodeSegmentation(raster, classes, params);
  if (!params.allow_unlabeled && encoded.unlabeled > 0) {
    throw new Error(`${encoded.unlabeled.toLocaleString("en-US")} pixels are unlabeled; this task needs every pixel labelled (allow_unlabeled is false)`);
  }
  const urls: string[] = [];
  for (const f of encoded.files) urls.push(await upload(f.png));
  return segmentationResponse(encoded, urls, params);
}
