import { createRoot } from "react-dom/client";
import { EditableCanvas } from "../../src/canvas";
import { makeImage } from "./fixtures";
import { measure, nextFrameWork, summary, waitFor, type Sample } from "./harness";

// The mask scenario (bench.html?scenario=mask): segmentation editing on a 3840x2160 task in the real edit canvas: a brush stroke of 120
// pointer moves dispatched on the stage (frame cost = the input handler, where the dab is
// stamped and its dirty rectangle repainted, plus the next frame's work, where the mask layer
// draws its one image), then the undo of that stroke from the toolbar.

const W = 3840;
const H = 2160;
const MOVES = 120;

const stage = () => document.querySelector('[data-testid="annotation-canvas"]') as HTMLElement;
const unlabeled = () => Number((document.querySelector('[data-testid="unlabeled-count"]')?.textContent ?? "").split(" of ")[0].replace(/,/g, ""));
const button = (name: RegExp) => [...document.querySelectorAll("button")].find((b) => name.test(b.textContent ?? "")) as HTMLButtonElement;

function view(): { scale: number; x: number; y: number } {
  const [scale, x, y] = (document.querySelector('[data-testid="editable-canvas"]') as HTMLElement).dataset.view!.split(",").map(Number);
  return { scale, x, y };
}

function pointer(type: string, ix: number, iy: number, buttons: number) {
  const v = view();
  const r = stage().getBoundingClientRect();
  stage().dispatchEvent(
    new PointerEvent(type, { clientX: r.left + v.x + ix * v.scale, clientY: r.top + v.y + iy * v.scale, pointerId: 1, pointerType: "mouse", button: 0, buttons, bubbles: true, cancelable: true }),
  );
}

async function run() {
  const url = await makeImage(W, H);
  // The params need an http URL; the image itself is the generated one (imageUrl).
  const params = { attachment: "https://example.com/bench-3840x2160.jpg", labels: ["road", "sky", "building", "vegetation"], instance_labels: ["car"], allow_unlabeled: false };
  createRoot(document.getElementById("root") as HTMLElement).render(<EditableCanvas taskType="segmentannotation" params={params} imageUrl={url} height={800} />);
  await waitFor(() => document.querySelector('[data-testid="unlabeled-count"]') !== null && view().scale > 0);
  for (let i = 0; i < 10; i++) await nextFrameWork();
  const brush = [...document.querySelectorAll('[role="radio"]')].find((b) => /^Brush/.test(b.textContent ?? "")) as HTMLElement;
  brush.click();
  await nextFrameWork();

  const before = unlabeled();
  // A wavy stroke across most of the image, as a hand would paint a road.
  const path = Array.from({ length: MOVES + 1 }, (_, i) => ({ x: 300 + (i * (W - 600)) / MOVES, y: H / 2 + Math.sin(i / 9) * 500 }));
  pointer("pointerdown", path[0].x, path[0].y, 1);
  const stroke: Sample[] = [];
  for (let i = 1; i <= MOVES; i++) stroke.push(await measure(() => pointer("pointermove", path[i].x, path[i].y, 1)));
  await window.benchHook?.("release");
  const release = await measure(() => pointer("pointerup", path[MOVES].x, path[MOVES].y, 0));
  await window.benchHook?.("released");
  await waitFor(() => unlabeled() < before);
  const painted = before - unlabeled();

  // A profiling script may hook here (e.g. to start a CPU profile just for the undo).
  await window.benchHook?.("undo");
  const undo = await measure(() => button(/^Undo/).click());
  await window.benchHook?.("undone");
  await waitFor(() => unlabeled() === before);
  const restored = unlabeled() === before ? painted : 0;
  const redo = await measure(() => button(/^Redo/).click());
  await waitFor(() => unlabeled() < before);
  return {
    mask: `${W}x${H}`,
    stroke: summary(stroke),
    releaseMs: Number(release.totalMs.toFixed(2)),
    undoMs: Number(undo.totalMs.toFixed(2)),
    undoSplitMs: { handler: Number(undo.handlerMs.toFixed(2)), frame: Number(undo.frameMs.toFixed(2)) },
    releaseSplitMs: { handler: Number(release.handlerMs.toFixed(2)), frame: Number(release.frameMs.toFixed(2)) },
    redoMs: Number(redo.totalMs.toFixed(2)),
    painted,
    restored,
    // One undo restored everything the stroke painted: the stroke was one history entry.
    entries: restored === painted ? 1 : "more than 1",
  };
}

const maskBench = { run };
declare global {
  interface Window {
    maskBench: typeof maskBench;
  }
}
window.maskBench = maskBench;
