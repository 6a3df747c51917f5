import { createRoot, type Root } from "react-dom/client";
import { flushSync } from "react-dom";
import { EditableCanvas, type FrameStats } from "../../src/canvas";
import { boxTask, IMAGE_H, IMAGE_W, makeImage, polygonTask } from "./fixtures";

// The edit benchmark: 2,000 20-vertex polygons (the document) over 10,000 read-only layer boxes
// on a 4000×3000 image — and the other way round for drawing boxes. Driven through the stage's
// pointer events as a mouse would; frame cost as in main.tsx (handler + the next frame's work).

const HEIGHT = 800;
const ATTACHMENT = "https://bench.test/image.jpg";

interface Sample {
  totalMs: number;
}

function nextFrameWork(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame((ts) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now() - ts);
      ch.port2.postMessage(0);
    }),
  );
}

async function measure(input: () => void): Promise<Sample> {
  const t0 = performance.now();
  input();
  await Promise.resolve();
  await Promise.resolve();
  const handlerMs = performance.now() - t0;
  return { totalMs: handlerMs + (await nextFrameWork()) };
}

function stats(samples: Sample[]) {
  const v = samples.map((s) => s.totalMs).sort((a, b) => a - b);
  const q = (p: number) => Number(v[Math.min(v.length - 1, Math.floor(p * v.length))].toFixed(2));
  return { frames: v.length, medianMs: q(0.5), p95Ms: q(0.95) };
}

let root: Root | null = null;
let frames: FrameStats[] = [];
let imageUrl = "";
const host = () => document.getElementById("root") as HTMLElement;
const stage = () => document.querySelector('[data-testid="annotation-canvas"]') as HTMLElement;
const view = () => {
  const [scale, x, y] = (document.querySelector('[data-testid="editable-canvas"]')?.getAttribute("data-view") ?? "1,0,0").split(",").map(Number);
  return { scale, x, y };
};

function pointer(type: string, ix: number, iy: number, buttons = 1) {
  const v = view();
  const r = stage().getBoundingClientRect();
  stage().dispatchEvent(
    new PointerEvent(type, { clientX: r.left + ix * v.scale + v.x, clientY: r.top + iy * v.scale + v.y, pointerId: 1, button: 0, buttons, bubbles: true }),
  );
}

function waitFor(cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (cond()) resolve();
      else if (performance.now() - start > timeoutMs) reject(new Error("timed out"));
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

async function mount(taskType: "polygonannotation" | "annotation", annotations: unknown[], layers: Record<string, unknown>) {
  root?.unmount();
  host().innerHTML = "";
  frames = [];
  if (!imageUrl) imageUrl = await makeImage(IMAGE_W, IMAGE_H);
  root = createRoot(host());
  const params = { attachment: ATTACHMENT, objects_to_annotate: ["car", "pedestrian", "bicycle", "truck", "traffic light", "sign"], layers };
  flushSync(() =>
    root?.render(
      <EditableCanvas taskType={taskType} params={params} response={{ annotations }} imageUrl={imageUrl} height={HEIGHT} onFrame={(s) => frames.push({ ...s })} />,
    ),
  );
  await waitFor(() => frames.some((f) => f.drawn.includes("static")) && frames.some((f) => f.drawn.includes("image")));
  await new Promise((r) => setTimeout(r, 500));
}

/** Time from an input until a frame has redrawn the static layer (the edited object is back in it). */
async function untilStaticDrawn(input: () => void): Promise<{ ms: number; frames: string[] }> {
  const t0 = performance.now();
  const before = frames.length;
  input();
  for (let i = 0; i < 60; i++) {
    await nextFrameWork();
    if (frames.slice(before).some((f) => f.drawn.includes("static"))) break;
  }
  return { ms: performance.now() - t0, frames: frames.slice(before).map((f) => `${f.drawn.join("+")} ${f.ms.toFixed(1)}`) };
}

const editBench = {
  async vertexDrag() {
    const polygons = polygonTask(2_000, 20, ATTACHMENT).response as { annotations: { vertices: { x: number; y: number }[] }[] };
    const boxes = boxTask(10_000, ATTACHMENT).response as { annotations: unknown[] };
    await mount("polygonannotation", polygons.annotations, { boxes: boxes.annotations });
    const target = polygons.annotations[0];
    const v0 = target.vertices[0];
    const cx = target.vertices.reduce((s, v) => s + v.x, 0) / target.vertices.length;
    const cy = target.vertices.reduce((s, v) => s + v.y, 0) / target.vertices.length;
    // The select tool (V), then select the polygon (press and release inside it) and press its first vertex.
    stage().focus();
    stage().dispatchEvent(new KeyboardEvent("keydown", { key: "v", bubbles: true, cancelable: true }));
    pointer("pointerdown", cx, cy);
    pointer("pointerup", cx, cy, 0);
    await nextFrameWork();
    await nextFrameWork();
    pointer("pointerdown", v0.x, v0.y);
    await nextFrameWork();
    await nextFrameWork();
    const staticBefore = frames.filter((f) => f.drawn.includes("static")).length;
    const samples: Sample[] = [];
    for (let i = 1; i <= 60; i++) {
      samples.push(await measure(() => pointer("pointermove", v0.x + i * 2, v0.y + Math.sin(i / 6) * 30)));
    }
    const staticRedrawsDuringDrag = frames.filter((f) => f.drawn.includes("static")).length - staticBefore;
    const commit = await untilStaticDrawn(() => pointer("pointerup", v0.x + 120, v0.y, 0));
    await new Promise((r) => setTimeout(r, 1000));
    // For comparison: a plain full redraw of the static layer (layers hidden with H), no edit.
    const plain = await untilStaticDrawn(() => stage().dispatchEvent(new KeyboardEvent("keydown", { key: "h", bubbles: true, cancelable: true })));
    return {
      drag: stats(samples),
      staticRedrawsDuringDrag,
      commitMs: Number(commit.ms.toFixed(2)),
      commitFrames: commit.frames,
      plainStaticRedrawMs: Number(plain.ms.toFixed(2)),
      plainFrames: plain.frames,
    };
  },

  async createBox() {
    const boxes = boxTask(10_000, ATTACHMENT).response as { annotations: unknown[] };
    const polygons = polygonTask(2_000, 20, ATTACHMENT).response as { annotations: unknown[] };
    await mount("annotation", boxes.annotations, { polygons: polygons.annotations });
    // A current label, so releasing creates the box without opening the picker.
    stage().focus();
    stage().dispatchEvent(new KeyboardEvent("keydown", { key: "1", bubbles: true, cancelable: true }));
    const x0 = 1800;
    const y0 = 1400;
    const samples: Sample[] = [];
    samples.push(await measure(() => pointer("pointerdown", x0, y0)));
    for (let i = 1; i <= 60; i++) samples.push(await measure(() => pointer("pointermove", x0 + i * 6, y0 + i * 4)));
    const commit = await untilStaticDrawn(() => pointer("pointerup", x0 + 360, y0 + 240, 0));
    return { create: stats(samples), commitMs: Number(commit.ms.toFixed(2)), commitFrames: commit.frames };
  },
};

declare global {
  interface Window {
    editBench: typeof editBench;
  }
}
window.editBench = editBench;
