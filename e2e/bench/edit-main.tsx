import { createRoot, type Root } from "react-dom/client";
import { flushSync } from "react-dom";
import { EditableCanvas, type FrameStats } from "../../src/canvas";
import { boxTask, IMAGE_H, IMAGE_W, makeImage, polygonTask } from "./fixtures";
import { measure, nextFrameWork, summary, waitFor, type Sample } from "./harness";

// The edit scenario (bench.html?scenario=edit): 2,000 20-vertex polygons (the document) over 10,000 read-only layer boxes
// on a 4000×3000 image — and the other way round for drawing boxes. Driven through the stage's
// pointer events as a mouse would; frame cost as defined in harness.ts.

const HEIGHT = 800;
const ATTACHMENT = "https://bench.test/image.jpg";

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

/** The most a channel may differ between a partial and a full redraw of the same scene. */
const ROUNDING_LEVELS = 32;

function staticPixels(): Uint8ClampedArray {
  const canvas = document.querySelector('canvas[data-layer="static"]') as HTMLCanvasElement;
  return (canvas.getContext("2d") as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
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
  return {
    ms: performance.now() - t0,
    frames: frames.slice(before).map((f) => `${f.drawn.join("+")} ${f.ms.toFixed(1)}${f.staticPaint ? ` (static ${f.staticPaint.mode}, ${f.staticPaint.pixels} px)` : ""}`),
  };
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
    await window.benchHook?.("commit:start");
    const commit = await untilStaticDrawn(() => pointer("pointerup", v0.x + 120, v0.y, 0));
    await window.benchHook?.("commit:end");
    await new Promise((r) => setTimeout(r, 1000));
    const partial = staticPixels();
    // The same scene fully redrawn (labels off and on: two full redraws) must be the same pixels.
    for (const k of ["l", "l"]) {
      await untilStaticDrawn(() => stage().dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true })));
    }
    const full = staticPixels();
    // Blends under a clip may round a level or two differently; a missing or misordered object
    // differs by far more (a stroke is tens to hundreds of levels).
    let mismatchedPixels = 0;
    let wrongPixels = 0;
    const w = (document.querySelector('canvas[data-layer="static"]') as HTMLCanvasElement).width;
    const where = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity, maxDelta: 0 };
    for (let i = 0; i < full.length; i += 4) {
      const d = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(full[i + c] - partial[i + c])));
      if (d === 0) continue;
      mismatchedPixels++;
      if (d > ROUNDING_LEVELS) wrongPixels++;
      const x = (i / 4) % w;
      const y = Math.floor(i / 4 / w);
      where.minX = Math.min(where.minX, x);
      where.maxX = Math.max(where.maxX, x);
      where.minY = Math.min(where.minY, y);
      where.maxY = Math.max(where.maxY, y);
      where.maxDelta = Math.max(where.maxDelta, d);
    }
    // For comparison: a plain full redraw of the static layer (layers hidden with H), no edit.
    const plain = await untilStaticDrawn(() => stage().dispatchEvent(new KeyboardEvent("keydown", { key: "h", bubbles: true, cancelable: true })));
    return {
      drag: summary(samples),
      staticRedrawsDuringDrag,
      commitMs: Number(commit.ms.toFixed(2)),
      commitFrames: commit.frames,
      partialVsFull: { roundedPixels: mismatchedPixels, wrongPixels, maxDelta: where.maxDelta, where },
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
    await window.benchHook?.("create:start");
    samples.push(await measure(() => pointer("pointerdown", x0, y0)));
    for (let i = 1; i <= 60; i++) samples.push(await measure(() => pointer("pointermove", x0 + i * 6, y0 + i * 4)));
    await window.benchHook?.("create:end");
    const commit = await untilStaticDrawn(() => pointer("pointerup", x0 + 360, y0 + 240, 0));
    return { create: summary(samples), commitMs: Number(commit.ms.toFixed(2)), commitFrames: commit.frames };
  },
};

declare global {
  interface Window {
    editBench: typeof editBench;
  }
}
window.editBench = editBench;
