import { PNG } from "pngjs";
import type { SegmentannotationParams, SegmentannotationResponse } from "../../../schema";
import type { Canvas } from "../../attachments/attachments";
import { at, type Issues, type MaskIndexColors } from "../../../geometry/validate";

// A segmentation answer's pixels, read from the files this server hosts (pngjs is Node-only, so
// this part stays on the server; the structure is checked by src/geometry/validate/segmentation).

export type ReadMask = (url: string) => Buffer | null;

function decode(bytes: Buffer | null): PNG | null {
  if (!bytes) return null;
  try {
    return PNG.sync.read(bytes);
  } catch {
    return null;
  }
}

function hex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The pixels of a segmentation answer whose structure passed (src/geometry/validate): when the
 * combined images are files this server hosts, they must agree with the mapping and the image size.
 */
export function checkSegmentationPixels(
  p: SegmentannotationParams,
  r: SegmentannotationResponse,
  canvas: Canvas | null,
  readMask: ReadMask,
  indices: MaskIndexColors,
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
