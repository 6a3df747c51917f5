import { createRoot, type Root } from "react-dom/client";
import { flushSync } from "react-dom";
import type Konva from "konva";
import { AnnotationCanvas, sceneFromTask, type FrameStats, type Scene } from "../../src/canvas";
import { fitImage, type View } from "../../src/geometry";
import { boxTask, IMAGE_H, IMAGE_W, makeImage, makeIndexedMask, MASK_LABEL_MAPPING, polygonTask } from "./fixtures";
import { measure, nextFrameWork, summary, waitFor, type Sample } from "./harness";
import { NaiveCanvas } from "./naive";

// The view scenario (bench.html?scenario=view): the Playwright spec calls these through
// window.bench and prints what they return. Frame cost as defined in harness.ts.

const WIDTH = 1280;
const HEIGHT = 800;
const BOXES = 10_000;
const POLYGONS = 2_000;

let root: Root | null = null;
const host = () => document.getElementById("root") as HTMLElement;
let frames: FrameStats[] = [];
let imageUrl = "";
let scene: Scene = { objects: [], mask: null };

async function prepare() {
  if (!imageUrl) imageUrl = await makeImage(IMAGE_W, IMAGE_H);
  const t0 = performance.now();
  const a = sceneFromTask(boxTask(BOXES, imageUrl));
  const b = sceneFromTask(polygonTask(POLYGONS, 20, imageUrl));
  scene = { objects: [...b.objects, ...a.objects], mask: null };
  return performance.now() - t0;
}

function unmount() {
  root?.unmount();
  root = null;
  host().innerHTML = "";
}

const container = () => document.querySelector('[data-testid="annotation-canvas"]') as HTMLElement;

function wheel(x: number, y: number, deltaY: number) {
  const r = container().getBoundingClientRect();
  container().dispatchEvent(
    new WheelEvent("wheel", { clientX: r.left + x, clientY: r.top + y, deltaY, deltaMode: 0, bubbles: true, cancelable: true }),
  );
}

function pointer(type: string, x: number, y: number, buttons = 1) {
  const r = container().getBoundingClientRect();
  container().dispatchEvent(
    new PointerEvent(type, { clientX: r.left + x, clientY: r.top + y, pointerId: 1, button: 0, buttons, bubbles: true }),
  );
}

function key(k: string, type: "keydown" | "keyup" = "keydown") {
  container().dispatchEvent(new KeyboardEvent(type, { key: k, bubbles: true, cancelable: true }));
}

/** 30 wheel steps in, 30 out at moving cursor positions, then a 60-step drag pan. */
async function panZoomSequence(step: (kind: "zoom" | "pan", i: number) => void): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < 60; i++) samples.push(await measure(() => step("zoom", i)));
  for (let i = 0; i < 60; i++) samples.push(await measure(() => step("pan", i)));
  return samples;
}

async function mountOurs(sc: Scene, url: string) {
  unmount();
  frames = [];
  const t0 = performance.now();
  root = createRoot(host());
  flushSync(() =>
    root?.render(<AnnotationCanvas scene={sc} imageUrl={url} height={HEIGHT} onFrame={(s) => frames.push({ ...s })} />),
  );
  await waitFor(() => frames.some((f) => f.drawn.includes("static")));
  const firstStatic = performance.now() - t0;
  await waitFor(() => frames.some((f) => f.drawn.includes("image")));
  const imageShown = performance.now() - t0;
  // Let the fit and the mip levels settle before measuring gestures.
  await new Promise((r) => setTimeout(r, 500));
  return { firstStaticDrawMs: Number(firstStatic.toFixed(1)), imageShownMs: Number(imageShown.toFixed(1)) };
}

const bench = {
  demo,
  async ours() {
    const normalizeMs = await prepare();
    const mount = await mountOurs(scene, imageUrl);
    const fullRedraws = frames.filter((f) => f.drawn.includes("static")).map((f) => f.ms);
    const samples = await panZoomSequence((kind, i) => {
      if (kind === "zoom") wheel(300 + (i % 7) * 80, 200 + (i % 5) * 60, i < 30 ? -60 : 60);
      else {
        if (i === 0) pointer("pointerdown", 640, 400);
        pointer("pointermove", 640 - i * 6, 400 - i * 3);
      }
    });
    pointer("pointerup", 640 - 59 * 6, 400 - 59 * 3, 0);
    await nextFrameWork();
    const settle = frames[frames.length - 1];
    // Hover: back to the fitted view, then point at the centre of a box.
    key("f");
    await new Promise((r) => setTimeout(r, 300));
    const view: View = fitImage({ width: IMAGE_W, height: IMAGE_H }, { width: container().clientWidth, height: HEIGHT - 40 }, 16);
    const boxes = scene.objects.filter((o) => o.kind === "box");
    const hovers: Sample[] = [];
    for (let i = 0; i < 20; i++) {
      const b = boxes[i * 37];
      if (b.kind !== "box") continue;
      const cx = (b.box.left + b.box.width / 2) * view.scale + view.x;
      const cy = (b.box.top + b.box.height / 2) * view.scale + view.y;
      hovers.push(await measure(() => pointer("pointermove", cx, cy, 0)));
    }
    const hoveredCount = document.querySelectorAll('[data-testid="canvas-tooltip"]').length;
    return {
      objects: scene.objects.length,
      normalizeMs: Number(normalizeMs.toFixed(1)),
      ...mount,
      staticFullDrawMs: fullRedraws.map((m) => Number(m.toFixed(1))),
      panZoom: summary(samples),
      zoom: summary(samples.slice(0, 60)),
      pan: summary(samples.slice(60)),
      settleRedrawMs: settle ? Number(settle.ms.toFixed(1)) : null,
      hover: summary(hovers),
      tooltipShown: hoveredCount > 0,
    };
  },

  async naive() {
    if (scene.objects.length === 0) await prepare();
    unmount();
    const img = new Image();
    img.src = imageUrl;
    await img.decode();
    const stageRef: { current: Konva.Stage | null } = { current: null };
    const t0 = performance.now();
    root = createRoot(host());
    flushSync(() =>
      root?.render(
        <NaiveCanvas
          objects={scene.objects}
          image={img}
          width={WIDTH}
          height={HEIGHT}
          stageRef={(s: Konva.Stage | null) => {
            stageRef.current = s;
          }}
        />,
      ),
    );
    const stage = stageRef.current;
    if (!stage) throw new Error("naive stage missing");
    const fit = fitImage({ width: IMAGE_W, height: IMAGE_H }, { width: WIDTH, height: HEIGHT }, 16);
    stage.setAttrs({ x: fit.x, y: fit.y, scaleX: fit.scale, scaleY: fit.scale });
    stage.draw();
    const firstDrawMs = performance.now() - t0;
    let view = fit;
    const samples = await panZoomSequence((kind, i) => {
      if (kind === "zoom") {
        const f = Math.exp((i < 30 ? 60 : -60) * 0.0015);
        const sx = 300 + (i % 7) * 80;
        const sy = 200 + (i % 5) * 60;
        const scale = view.scale * f;
        view = { scale, x: sx - (sx - view.x) * f, y: sy - (sy - view.y) * f };
      } else {
        view = { ...view, x: view.x - 6, y: view.y - 3 };
      }
      stage.setAttrs({ x: view.x, y: view.y, scaleX: view.scale, scaleY: view.scale });
      stage.batchDraw();
    });
    unmount();
    return {
      objects: scene.objects.length,
      firstDrawMs: Number(firstDrawMs.toFixed(1)),
      panZoom: summary(samples),
      zoom: summary(samples.slice(0, 60)),
      pan: summary(samples.slice(60)),
    };
  },

  async mask() {
    const W = 3840;
    const H = 2160;
    const photo = await makeImage(W, H);
    const indexed = await makeIndexedMask(W, H);
    const maskScene: Scene = {
      objects: sceneFromTask(boxTask(500, photo)).objects,
      mask: { indexedImage: indexed, combinedImage: null, labeled: [], labelMapping: MASK_LABEL_MAPPING },
    };
    await mountOurs(maskScene, photo);
    await waitFor(() => frames.some((f) => f.drawn.includes("mask")) && !!document.querySelector("canvas"));
    await new Promise((r) => setTimeout(r, 800));
    container().focus();
    const before = frames.length;
    const toggles: Sample[] = [];
    for (let i = 0; i < 20; i++) toggles.push(await measure(() => key("m")));
    const staticRedraws = frames.slice(before).filter((f) => f.drawn.includes("static")).length;
    // Label under the cursor, read from the indexed pixel.
    pointer("pointermove", 400, 300, 0);
    await nextFrameWork();
    const tooltip = document.querySelector('[data-testid="canvas-tooltip"]')?.textContent ?? null;
    unmount();
    return { mask: `${W}x${H}`, toggle: summary(toggles), vectorRedrawsDuringToggles: staticRedraws, tooltipAtCursor: tooltip };
  },
};

/** Not timed: every kind and the layers on a sample photo, for a look at what is drawn. */
async function demo() {
  unmount();
  const cuboidVertices = [
    { description: "face-topleft", y: 120, x: 60 },
    { description: "face-bottomleft", y: 220, x: 60 },
    { description: "face-topright", y: 120, x: 170 },
    { description: "face-bottomright", y: 220, x: 170 },
    { description: "side-topcorner", y: 100, x: 230 },
    { description: "side-bottomcorner", y: 190, x: 230 },
  ];
  const task = {
    type: "cuboidannotation" as const,
    params: {
      attachment: "/sample-images/chelsea.png",
      layers: {
        boxes: [{ label: "cat", left: 80, top: 20, width: 250, height: 280 }],
        lines: [{ label: "whisker", spline: true, vertices: [{ x: 20, y: 250 }, { x: 120, y: 200 }, { x: 200, y: 260 }, { x: 300, y: 230 }] }],
        polygons: [{ label: "ear", vertices: [{ x: 250, y: 40 }, { x: 300, y: 20 }, { x: 310, y: 90 }] }],
      },
    },
    response: { annotations: [{ label: "box-ish", vertices: cuboidVertices, edges: [] }] },
  };
  root = createRoot(host());
  flushSync(() => root?.render(<AnnotationCanvas task={task} height={600} />));
}

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
