import { pointInPolygon } from "../../geometry";
import type { MaskEntry, SegmentannotationParams, SegmentannotationResponse } from "../../schema";
import { encodeMask, hexColor, maskAnnotations, palette, type MaskSink } from "../files/masks";
import { CAT_OUTLINE, type DemoAnswer } from "./answers";

// A person's segmentation of the demo photos: the regions follow the objects (the horse's
// silhouette pixel by pixel, the cat's outline, the cup and saucer), not the synthetic worker's
// bands. The flawed variant leaves the bottom of the subject labelled as its surroundings.

export interface Region {
  /** The label of the subject's pixels, and of everything else. */
  subject: string;
  rest: string;
  /** Whether pixel (x, y) belongs to the subject. */
  contains(x: number, y: number): boolean;
  rejection: string;
}

export function polygonRegion(vertices: readonly { x: number; y: number }[]): (x: number, y: number) => boolean {
  const flat = vertices.flatMap((v) => [v.x, v.y]);
  return (x, y) => pointInPolygon(flat, x + 0.5, y + 0.5);
}

export function segmentRegion(p: SegmentannotationParams, size: { width: number; height: number }, region: Region, sink: MaskSink, flawed: boolean): DemoAnswer {
  const { width, height } = size;
  const colours = palette(p.labels.length);
  const labelMapping: SegmentannotationResponse["labelMapping"] = {};
  const colourOf = new Map<number, [number, number, number]>();
  p.labels.forEach((label, i) => {
    labelMapping[label] = { color: hexColor(colours[i]), index: i + 1 } satisfies MaskEntry;
    colourOf.set(i + 1, colours[i]);
  });
  for (const label of p.instance_labels) labelMapping[label] = []; // nobody in these photos
  const indexOf = (label: string) => (labelMapping[label] as MaskEntry).index;
  const subject = indexOf(region.subject);
  const rest = indexOf(region.rest);
  // The subject's lowest rows, which the flawed answer forgets.
  let bottom = 0;
  const inside = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (region.contains(x, y)) {
        inside[y * width + x] = 1;
        bottom = y;
      }
    }
  }
  const cut = flawed ? bottom - Math.round(height * 0.15) : height;
  const indices = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) indices[y * width + x] = inside[y * width + x] && y < cut ? subject : rest;

  const name = (label: string, index: number) => `label-${label.replace(/[^A-Za-z0-9_-]+/g, "_")}-${index}.png`;
  const labeled: SegmentannotationResponse["annotations"]["labeled"] = {};
  for (const label of p.labels) labeled[label] = sink.save(name(label, indexOf(label)), encodeMask(width, height, indices, indexOf(label)));
  for (const label of p.instance_labels) labeled[label] = [];
  return {
    response: {
      annotations: maskAnnotations(sink, { width, height, indices, colourOf }, labeled, p.allow_unlabeled),
      labelMapping,
      instances: {},
    },
    ...(flawed ? { rejection: region.rejection } : {}),
  };
}

const SAUCER = { cx: 278, cy: 228, rx: 202, ry: 160 };
const CUP = polygonRegion([
  { x: 172, y: 100 }, { x: 190, y: 40 }, { x: 240, y: 18 }, { x: 330, y: 18 }, { x: 390, y: 40 }, { x: 410, y: 100 },
  { x: 400, y: 200 }, { x: 380, y: 260 }, { x: 330, y: 290 }, { x: 250, y: 290 }, { x: 200, y: 270 }, { x: 178, y: 200 },
]);
const SPOON = polygonRegion([
  { x: 395, y: 68 }, { x: 422, y: 70 }, { x: 405, y: 240 }, { x: 395, y: 300 }, { x: 360, y: 325 }, { x: 328, y: 310 }, { x: 330, y: 260 }, { x: 370, y: 240 },
]);

/**
 * Where the subject of a demo photo is, or null for photos without one. `pixels` reads the
 * photo's RGBA data (the horse is a black silhouette, so its mask is exactly its dark pixels).
 */
export function demoRegion(image: string, pixels: () => { width: number; data: Uint8Array } | null): Region | null {
  if (image === "horse.png") {
    const png = pixels();
    if (!png) return null;
    return {
      subject: "animal",
      rest: "background",
      contains: (x, y) => png.data[(y * png.width + x) * 4] < 128,
      rejection: "The legs are left as background.",
    };
  }
  if (image === "chelsea.png") {
    return { subject: "animal", rest: "background", contains: polygonRegion(CAT_OUTLINE), rejection: "The chin and chest are left as background." };
  }
  if (image === "coffee.png") {
    const inSaucer = (x: number, y: number) => ((x + 0.5 - SAUCER.cx) / SAUCER.rx) ** 2 + ((y + 0.5 - SAUCER.cy) / SAUCER.ry) ** 2 <= 1;
    return {
      subject: "tableware",
      rest: "table",
      contains: (x, y) => inSaucer(x, y) || CUP(x, y) || SPOON(x, y),
      rejection: "The bottom of the saucer is labelled as table.",
    };
  }
  return null;
}
