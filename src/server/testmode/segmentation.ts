import type { MaskEntry, SegmentannotationParams, SegmentannotationResponse } from "../../schema";
import type { Canvas } from "../attachments/attachments";
import { encodeMask, hexColor, maskAnnotations, palette, type MaskSink } from "../files/masks";
import type { Rng } from "./rng";

// A synthetic segmentation with real PNG masks: the semantic labels share the image in vertical
// bands (one band left unlabeled when allow_unlabeled is true), and each instance label gets one
// or two ellipses on top. Index 0 is unlabeled; every other index is one label or one instance.

export function segmentation(p: SegmentannotationParams, canvas: Canvas, rng: Rng, sink: MaskSink): SegmentannotationResponse {
  const { width, height } = canvas;
  const instanceCounts = p.instance_labels.map(() => rng.int(1, 2));
  const total = p.labels.length + instanceCounts.reduce((s, n) => s + n, 0);
  const colours = palette(total);
  const colourOf = new Map<number, [number, number, number]>();
  const labelMapping: SegmentannotationResponse["labelMapping"] = {};
  let next = 1;
  const entry = (): MaskEntry => {
    const index = next++;
    colourOf.set(index, colours[index - 1]);
    return { color: hexColor(colours[index - 1]), index };
  };
  for (const label of p.labels) labelMapping[label] = entry();
  const instances = p.instance_labels.map((label, i) => {
    const list = Array.from({ length: instanceCounts[i] }, entry);
    labelMapping[label] = list;
    return list;
  });

  const indices = new Uint8Array(width * height);
  const bands = p.labels.length + (p.allow_unlabeled ? 1 : 0);
  for (let x = 0; x < width; x++) {
    const band = Math.min(bands - 1, Math.floor((x / width) * bands));
    const value = band < p.labels.length ? (labelMapping[p.labels[band]] as MaskEntry).index : 0;
    for (let y = 0; y < height; y++) indices[y * width + x] = value;
  }
  for (const e of instances.flat()) {
    const cx = rng.next() * width;
    const cy = rng.next() * height;
    const rx = Math.max(1, width * (0.05 + 0.1 * rng.next()));
    const ry = Math.max(1, height * (0.05 + 0.1 * rng.next()));
    for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(height, Math.ceil(cy + ry)); y++) {
      for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(width, Math.ceil(cx + rx)); x++) {
        const dx = (x + 0.5 - cx) / rx;
        const dy = (y + 0.5 - cy) / ry;
        if (dx * dx + dy * dy <= 1) indices[y * width + x] = e.index;
      }
    }
  }

  const fileName = (label: string, suffix = "") => `label-${label.replace(/[^A-Za-z0-9_-]+/g, "_")}${suffix}.png`;
  const labeled: SegmentannotationResponse["annotations"]["labeled"] = {};
  for (const label of p.labels) {
    labeled[label] = sink.save(fileName(label, `-${(labelMapping[label] as MaskEntry).index}`), encodeMask(width, height, indices, (labelMapping[label] as MaskEntry).index));
  }
  p.instance_labels.forEach((label, i) => {
    labeled[label] = instances[i].map((e, k) => sink.save(fileName(label, `-${e.index}-instance${k}`), encodeMask(width, height, indices, e.index)));
  });
  return {
    annotations: maskAnnotations(sink, { width, height, indices, colourOf }, labeled, p.allow_unlabeled),
    labelMapping,
    instances: {},
  };
}
