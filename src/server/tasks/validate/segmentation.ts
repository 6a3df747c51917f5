import { PNG } from "pngjs";
import { isHttpUrl, type MaskEntry, type SegmentannotationParams, type SegmentannotationResponse } from "../../../schema";
import type { Canvas } from "../../attachments/attachments";
import { at, type Issues } from "../../../geometry/validate";

// A segmentation answer: a labelMapping entry per label (an array for instance labels), unique
// indices and colours, a mask per label and instance, and — when the combined images are files
// this server hosts — pixels that agree with the mapping and the image size.

export type ReadMask = (url: string) => Buffer | null;

function decode(bytes: Buffer | null): PNG | null {
  if (!bytes) return null;
  try {
    return PNG.sync.read(bytes);
  } catch {
    return null;
  }
}

export function checkSegmentation(
  p: SegmentannotationParams,
  r: SegmentannotationResponse,
  canvas: Canvas | null,
  readMask: ReadMask | undefined,
  issues: Issues,
): void {
  const instance = new Set(p.instance_labels);
  const all = [...p.labels, ...p.instance_labels];
  const entries: { path: string; entry: MaskEntry }[] = [];
  const mapping = "response.labelMapping";
  for (const key of Object.keys(r.labelMapping)) {
    if (!all.includes(key)) issues.add(at(mapping, key), "is not one of labels or instance_labels");
  }
  for (const label of all) {
    const value = r.labelMapping[label];
    const path = at(mapping, label);
    if (value === undefined) {
      issues.add(path, "is required: every label needs an entry");
    } else if (instance.has(label) !== Array.isArray(value)) {
      issues.add(path, instance.has(label) ? "must be an array (one entry per instance of an instance label)" : "must be one {color, index} (not an instance label)");
    } else if (Array.isArray(value)) {
      value.forEach((entry, i) => entries.push({ path: at(path, i), entry }));
    } else {
      entries.push({ path, entry: value });
    }
  }
  const indices = new Map<number, string>();
  const colors = new Set<string>();
  for (const { path, entry } of entries) {
    if (entry.index === 0) issues.add(at(path, "index"), "0 is kept for unlabeled pixels");
    if (indices.has(entry.index)) issues.add(at(path, "index"), `${entry.index} is used twice`);
    indices.set(entry.index, entry.color.toLowerCase());
    if (colors.has(entry.color.toLowerCase())) issues.add(at(path, "color"), `${entry.color} is used twice`);
    colors.add(entry.color.toLowerCase());
  }

  const ann = "response.annotations";
  if (!p.allow_unlabeled && r.annotations.unlabeled !== null) issues.add(at(ann, "unlabeled"), "must be null when allow_unlabeled is false");
  for (const key of Object.keys(r.annotations.labeled)) {
    if (!all.includes(key)) issues.add(at(at(ann, "labeled"), key), "is not one of labels or instance_labels");
  }
  const urls: [string, string][] = [
    [at(at(ann, "combined"), "image"), r.annotations.combined.image],
    [at(at(ann, "combined"), "indexedImage"), r.annotations.combined.indexedImage],
  ];
  if (r.annotations.unlabeled) urls.push([at(ann, "unlabeled"), r.annotations.unlabeled]);
  for (const label of all) {
    const masks = r.annotations.labeled[label];
    const path = at(at(ann, "labeled"), label);
    const mapped = r.labelMapping[label];
    if (masks === undefined) {
      issues.add(path, "is required: every label has a mask");
    } else if (instance.has(label)) {
      if (!Array.isArray(masks)) issues.add(path, "must be an array of masks, one per instance");
      else {
        if (Array.isArray(mapped) && masks.length !== mapped.length) issues.add(path, `has ${masks.length} masks for ${mapped.length} instances in labelMapping`);
        masks.forEach((u, i) => urls.push([at(path, i), u]));
      }
    } else if (typeof masks !== "string") {
      issues.add(path, "must be one mask URL (not an instance label)");
    } else {
      urls.push([path, masks]);
    }
  }
  for (const [path, url] of urls) if (!isHttpUrl(url)) issues.add(path, "must be an http or https URL");

  if (!readMask || !issues.ok) return;
  checkPixels(p, r, canvas, readMask, indices, issues);
}

function hex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function checkPixels(
  p: SegmentannotationParams,
  r: SegmentannotationResponse,
  canvas: Canvas | null,
  readMask: ReadMask,
  indices: Map<number, string>,
  issues: Issues,
): void {
  const combinedPath = "response.annotations.combined";
  const indexed = decode(readMask(r.annotations.combined.indexedImage));
  if (!indexed) return; // not one of our files: nothing more we can see
  const where = at(combinedPath, "indexedImage");
  if (canvas && (indexed.width !== canvas.width || indexed.height !== canvas.height)) {
    issues.add(where, `is ${indexed.width}x${indexed.height}, not the image's ${canvas.width}x${canvas.height}`);
    return;
  }
  const combined = decode(readMask(r.annotations.combined.image));
  if (combined && (combined.width !== indexed.width || combined.height !== indexed.height)) {
    issues.add(at(combinedPath, "image"), "differs in size from indexedImage");
    return;
  }
  const n = indexed.width * indexed.height;
  for (let i = 0; i < n; i++) {
    const index = indexed.data[4 * i];
    if (index === 0) {
      if (!p.allow_unlabeled) {
        issues.add(where, `pixel (${i % indexed.width}, ${Math.floor(i / indexed.width)}) is unlabeled but allow_unlabeled is false`);
        return;
      }
      continue;
    }
    const color = indices.get(index);
    if (color === undefined) {
      issues.add(where, `pixel (${i % indexed.width}, ${Math.floor(i / indexed.width)}) has index ${index}, which labelMapping does not list`);
      return;
    }
    if (combined) {
      const c = hex(combined.data[4 * i], combined.data[4 * i + 1], combined.data[4 * i + 2]);
      if (c !== color) {
        issues.add(at(combinedPath, "image"), `pixel (${i % indexed.width}, ${Math.floor(i / indexed.width)}) is ${c}, but its index ${index} has colour ${color}`);
        return;
      }
    }
  }
}
