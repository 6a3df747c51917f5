import type { CanvasTask } from "../../src/canvas";

export const IMAGE_W = 4000;
export const IMAGE_H = 3000;
const LABELS = ["car", "pedestrian", "bicycle", "truck", "traffic light", "sign"];

/** Deterministic pseudo-random numbers, so every run draws the same scene. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function boxTask(count: number, imageUrl: string): CanvasTask {
  const r = rng(1);
  const annotations = Array.from({ length: count }, () => {
    const width = 10 + r() * 120;
    const height = 10 + r() * 120;
    return {
      left: r() * (IMAGE_W - width),
      top: r() * (IMAGE_H - height),
      width,
      height,
      label: LABELS[Math.floor(r() * LABELS.length)],
    };
  });
  return { type: "annotation", params: { attachment: imageUrl, attachment_type: "image" }, response: { annotations } };
}

export function polygonTask(count: number, vertices: number, imageUrl: string): CanvasTask {
  const r = rng(2);
  const annotations = Array.from({ length: count }, () => {
    const cx = 100 + r() * (IMAGE_W - 200);
    const cy = 100 + r() * (IMAGE_H - 200);
    const radius = 20 + r() * 70;
    return {
      label: LABELS[Math.floor(r() * LABELS.length)],
      vertices: Array.from({ length: vertices }, (_, i) => {
        const a = (i / vertices) * 2 * Math.PI;
        const k = 0.7 + r() * 0.3;
        return { x: cx + Math.cos(a) * radius * k, y: cy + Math.sin(a) * radius * k };
      }),
    };
  });
  return { type: "polygonannotation", params: { attachment: imageUrl }, response: { annotations } };
}

/** A photo-like gradient image of the given size, as a blob URL. */
export async function makeImage(width: number, height: number): Promise<string> {
  const c = document.createElement("canvas");
  c.width = width;
  c.height = height;
  const ctx = c.getContext("2d");
  if (!ctx) throw new Error("no 2d context");
  const g = ctx.createLinearGradient(0, 0, width, height);
  g.addColorStop(0, "#2d4a6b");
  g.addColorStop(0.5, "#8a7b5c");
  g.addColorStop(1, "#3b5d3a");
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, width, height);
  const r = rng(3);
  for (let i = 0; i < 400; i++) {
    ctx.fillStyle = `hsl(${r() * 360} 30% ${30 + r() * 40}%)`;
    ctx.fillRect(r() * width, r() * height, 20 + r() * 300, 20 + r() * 300);
  }
  return blobUrl(c, "image/jpeg");
}

/** An indexed segmentation mask: red channel = index into the label mapping. */
export async function makeIndexedMask(width: number, height: number): Promise<string> {
  const c = document.createElement("canvas");
  c.width = width;
  c.height = height;
  const ctx = c.getContext("2d");
  if (!ctx) throw new Error("no 2d context");
  const r = rng(4);
  ctx.fillStyle = "rgb(3,0,0)";
  ctx.fillRect(0, 0, width, height);
  for (let i = 0; i < 300; i++) {
    ctx.fillStyle = `rgb(${1 + Math.floor(r() * 8)},0,0)`;
    ctx.fillRect(Math.floor(r() * width), Math.floor(r() * height), 50 + Math.floor(r() * 600), 50 + Math.floor(r() * 400));
  }
  return blobUrl(c, "image/png");
}

export const MASK_LABEL_MAPPING = {
  vegetation: { color: "#ff0000", index: 1 },
  road: { color: "#80ff00", index: 2 },
  background: { color: "#00ffff", index: 3 },
  vehicle: [
    { color: "#ff0080", index: 4 },
    { color: "#8000ff", index: 5 },
  ],
  "lane marking": { color: "#9e3fff", index: 6 },
  pedestrian: [
    { color: "#80ffff", index: 7 },
    { color: "#ff8888", index: 8 },
  ],
};

function blobUrl(c: HTMLCanvasElement, type: string): Promise<string> {
  return new Promise((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(URL.createObjectURL(b)) : reject(new Error("toBlob failed"))), type, 0.9),
  );
}
