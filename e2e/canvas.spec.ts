// The canvas draws every geometry kind where the response's coordinates say, checked by pixels:
// a completed task of each kind is opened on its detail page, the image → screen mapping is
// computed from the known fit (the image fitted into the stage with 16 px padding), and the
// stage is compared with itself with the objects hidden (the raw image). Object outlines must
// differ from the raw image, pixels well away from every object must not, and a label toggled
// off in the legend must give its pixels back to the image.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { sampleCardinalSpline } from "../src/geometry";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";
const TEST_KEY = process.env.E2E_TEST_KEY ?? "";
/** The canvas fits the image with this padding (FIT_PADDING_PX in src/canvas). */
const FIT_PADDING = 16;
/** A channel difference above this is a drawn pixel; at or below SAME it is the untouched image. */
const CHANGED = 30;
const SAME = 8;

interface Pt {
  x: number;
  y: number;
}
interface View {
  scale: number;
  x: number;
  y: number;
}
type Task = { task_id: string; type: string; params: Record<string, unknown>; response: Record<string, unknown> };

function auth(key: string) {
  return { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
}

// ── Finding a task of each kind ──────────────────────────────────────────────────────────────

function isDrawable(t: Task): boolean {
  const a = t.response?.annotations;
  return typeof t.params.attachment === "string" && (Array.isArray(a) ? a.length > 0 : typeof a === "object" && a !== null);
}

async function completedTasks(request: APIRequestContext, key: string, type: string): Promise<Task[]> {
  const res = await request.get(`/v1/tasks?type=${type}&status=completed&limit=20`, { headers: auth(key) });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ((await res.json()) as { docs: Task[] }).docs.filter(isDrawable);
}

/**
 * A completed task of `type` from the demo data, or one created now in test mode (the test-mode
 * worker completes it with a valid synthetic response) on an image this server hosts.
 */
async function completedTaskOf(request: APIRequestContext, type: string, params: Record<string, unknown>): Promise<{ task: Task; key: string }> {
  const demo = (await completedTasks(request, LIVE_KEY, type))[0];
  if (demo) return { task: demo, key: LIVE_KEY };
  const anyImage = (await completedTasks(request, LIVE_KEY, "annotation"))[0];
  expect(anyImage, "no demo image task to borrow an attachment from").toBeTruthy();
  const created = await request.post(`/v1/task/${type}`, {
    headers: auth(TEST_KEY),
    data: { instruction: `e2e ${type}`, attachment_type: "image", attachment: anyImage.params.attachment, ...params },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const id = ((await created.json()) as Task).task_id;
  let task: Task | undefined;
  await expect
    .poll(async () => {
      const r = await request.get(`/v1/task/${id}`, { headers: auth(TEST_KEY) });
      task = (await r.json()) as Task;
      return (task as { status?: string }).status;
    })
    .toBe("completed");
  return { task: task!, key: TEST_KEY };
}

// ── What each kind draws, in image coordinates ───────────────────────────────────────────────

interface Expected {
  label: string;
  /** Screen-independent points on the drawn outline; boxes carry their inward normal. */
  samples: { p: Pt; inward?: Pt }[];
  /** Image-space extent; nothing is drawn outside it (plus a margin). */
  min: Pt;
  max: Pt;
}

function extent(points: readonly Pt[]): { min: Pt; max: Pt } {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { min: { x: Math.min(...xs), y: Math.min(...ys) }, max: { x: Math.max(...xs), y: Math.max(...ys) } };
}

function along(a: Pt, b: Pt, fractions: readonly number[]): Pt[] {
  return fractions.map((f) => ({ x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f }));
}

type Wire = Record<string, unknown>;
const pointsOf = (flat: readonly number[]): Pt[] => Array.from({ length: flat.length / 2 }, (_, i) => ({ x: flat[2 * i], y: flat[2 * i + 1] }));
const vertsOf = (a: Wire) => (a.vertices as Pt[]).map(({ x, y }) => ({ x, y }));

function expectedObjects(task: Task): Expected[] {
  const list = task.response.annotations as Wire[];
  return list.map((a) => {
    const label = String(a.label ?? "");
    switch (task.type) {
      case "annotation": {
        const [l, t, w, h] = [a.left, a.top, a.width, a.height] as number[];
        // The border is drawn inside the box: sample just inside each edge.
        const edges: [Pt, Pt, Pt][] = [
          [{ x: l, y: t }, { x: l + w, y: t }, { x: 0, y: 1 }],
          [{ x: l + w, y: t }, { x: l + w, y: t + h }, { x: -1, y: 0 }],
          [{ x: l + w, y: t + h }, { x: l, y: t + h }, { x: 0, y: -1 }],
          [{ x: l, y: t + h }, { x: l, y: t }, { x: 1, y: 0 }],
        ];
        return {
          label,
          samples: edges.flatMap(([p, q, inward]) => along(p, q, [0.25, 0.5, 0.75]).map((s) => ({ p: s, inward }))),
          ...extent([{ x: l, y: t }, { x: l + w, y: t + h }]),
        };
      }
      case "pointannotation": {
        const p = { x: a.x as number, y: a.y as number };
        return { label, samples: [{ p }], ...extent([p]) };
      }
      case "lineannotation": {
        // A spline passes through its vertices; its ends are sampled a little inside (butt caps).
        const v = vertsOf(a);
        const ends = [along(v[0], v[1], [0.04])[0], along(v[v.length - 1], v[v.length - 2], [0.04])[0]];
        // A spline bulges beyond its vertices: its extent comes from the curve itself (the
        // geometry kernel, unit-tested on its own), or pixels on the bulge look "far from it".
        const curve = task.params.splines === true ? pointsOf(sampleCardinalSpline(v.flatMap((p) => [p.x, p.y]))) : v;
        return { label, samples: [...v.slice(1, -1), ...ends].map((p) => ({ p })), ...extent(curve) };
      }
      case "polygonannotation": {
        const v = vertsOf(a);
        const mids = v.map((p, i) => along(p, v[(i + 1) % v.length], [0.5])[0]);
        return { label, samples: [...v, ...mids].map((p) => ({ p })), ...extent(v) };
      }
      case "cuboidannotation": {
        // The front face is drawn heavy from whichever edge source the canvas uses; its
        // corners are the described face vertices.
        const face = (a.vertices as (Pt & { description: string })[]).filter((p) => p.description.startsWith("face-"));
        const at = (d: string) => face.find((p) => p.description === `face-${d}`)!;
        const ring = [at("topleft"), at("topright"), at("bottomright"), at("bottomleft")];
        const samples = ring.flatMap((p, i) => along(p, ring[(i + 1) % 4], [0.25, 0.5, 0.75])).map((p) => ({ p }));
        const all = [...vertsOf(a), ...((a.points_2d as Pt[] | undefined) ?? [])];
        return { label, samples, ...extent(all) };
      }
      default:
        throw new Error(`no expectations for ${task.type}`);
    }
  });
}

// ── The page: fit, screenshots, pixels ──────────────────────────────────────────────────────

class CanvasPage {
  readonly stage: Locator;
  constructor(readonly page: Page) {
    this.stage = page.getByTestId("annotation-canvas");
  }

  async open(task: Task, key: string) {
    await this.page.goto(`/tasks/${task.task_id}#key=${key}`);
    await expect(this.stage).toBeVisible();
    await expect(this.stage.getByText("Loading image…")).toHaveCount(0);
    await expect(this.page.getByTestId("canvas-image-error")).toHaveCount(0);
    // Keep the pointer off the stage: hover highlights and tooltips are not what is tested.
    await this.page.mouse.move(1, 1);
  }

  /** The view the canvas fits the image with, checked against its zoom indicator. */
  async fittedView(imageUrl: string): Promise<View> {
    const size = await this.page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, imageUrl);
    const box = (await this.stage.boundingBox())!;
    const vw = Math.round(box.width);
    const vh = Math.round(box.height);
    const scale = Math.min((vw - 2 * FIT_PADDING) / size.width, (vh - 2 * FIT_PADDING) / size.height, 64);
    await expect(this.page.getByTestId("zoom-indicator")).toHaveText(`${Math.round(scale * 100)}%`);
    return { scale, x: (vw - size.width * scale) / 2, y: (vh - size.height * scale) / 2 };
  }

  async toggle(testId: string) {
    const box = this.page.getByTestId(testId);
    if ((await box.count()) > 0) await box.click();
  }

  /** The stage as drawn after the pending frame. */
  async shot(): Promise<PNG> {
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return PNG.sync.read(await this.stage.screenshot({ animations: "disabled" }));
  }
}

function toScreen(view: View, p: Pt): Pt {
  return { x: p.x * view.scale + view.x, y: p.y * view.scale + view.y };
}

/** Largest channel difference between two shots at a screen pixel. */
function diffAt(a: PNG, b: PNG, p: Pt): number {
  const x = Math.round(p.x);
  const y = Math.round(p.y);
  if (x < 0 || y < 0 || x >= a.width || y >= a.height) return 0;
  const i = (y * a.width + x) * 4;
  return Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2]));
}

/** Anti-aliasing and rounding of the stage's offset may move an edge by a pixel: look around. */
function changedNear(a: PNG, b: PNG, p: Pt): boolean {
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (diffAt(a, b, { x: p.x + dx, y: p.y + dy }) > CHANGED) return true;
  return false;
}

function unchangedAround(a: PNG, b: PNG, p: Pt): boolean {
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (diffAt(a, b, { x: p.x + dx, y: p.y + dy }) > SAME) return false;
  return true;
}

function screenSamples(view: View, o: Expected): Pt[] {
  return o.samples.map(({ p, inward }) => {
    const s = toScreen(view, p);
    return inward ? { x: s.x + inward.x, y: s.y + inward.y } : s;
  });
}

/** Whether a screen point is within `margin` px of an object's extent. */
function near(view: View, o: Expected, s: Pt, margin: number): boolean {
  const a = toScreen(view, o.min);
  const b = toScreen(view, o.max);
  return s.x >= a.x - margin && s.x <= b.x + margin && s.y >= a.y - margin && s.y <= b.y + margin;
}

function fraction<T>(items: readonly T[], ok: (t: T) => boolean): number {
  return items.length === 0 ? 1 : items.filter(ok).length / items.length;
}

// ── The tests ───────────────────────────────────────────────────────────────────────────────

const VECTOR_KINDS = [
  { type: "annotation", kind: "box", params: { objects_to_annotate: ["car", "person"], with_labels: true } },
  { type: "pointannotation", kind: "point", params: { objects_to_annotate: ["eye", "nose"], with_labels: true } },
  { type: "lineannotation", kind: "line", params: { objects_to_annotate: ["edge", "cable"], with_labels: true, splines: true } },
  { type: "polygonannotation", kind: "polygon", params: { objects_to_annotate: ["animal", "person"], with_labels: true } },
  { type: "cuboidannotation", kind: "cuboid", params: { objects_to_annotate: ["box", "cup"], with_labels: true } },
] as const;

for (const { type, kind, params } of VECTOR_KINDS) {
  test(`a ${kind} response is drawn where its coordinates say`, async ({ page, request }) => {
    const { task, key } = await completedTaskOf(request, type, params);
    const canvas = new CanvasPage(page);
    await canvas.open(task, key);
    const view = await canvas.fittedView(String(task.params.attachment));
    const objects = expectedObjects(task);
    // Only the response: no label tags, no layers.
    await canvas.toggle("legend-show-labels");
    await canvas.toggle("legend-source-layer");
    const drawn = await canvas.shot();
    await canvas.toggle(`legend-kind-${kind}`);
    const raw = await canvas.shot();
    await canvas.toggle(`legend-kind-${kind}`);

    // Every object's outline changed the image...
    for (const o of objects) {
      const samples = screenSamples(view, o);
      expect(fraction(samples, (s) => changedNear(drawn, raw, s)), `${kind} "${o.label}" drawn at its coordinates`).toBeGreaterThanOrEqual(0.8);
    }
    // ...and pixels well away from every object did not.
    const margin = kind === "line" ? 30 : 10;
    const away: Pt[] = [];
    for (let gy = 0; gy <= 1; gy += 1 / 24) {
      for (let gx = 0; gx <= 1; gx += 1 / 24) {
        const s = { x: 4 + gx * (drawn.width - 8), y: 4 + gy * (drawn.height - 8) };
        if (!objects.some((o) => near(view, o, s, margin))) away.push(s);
      }
    }
    expect(away.length, "enough of the stage is free of objects to check").toBeGreaterThan(20);
    expect(away.filter((s) => !unchangedAround(drawn, raw, s))).toEqual([]);

    // A label toggled off in the legend gives its pixels back to the image; the others stay.
    const label = objects[0].label;
    await page.getByTestId(`legend-label-${label}`).click();
    const without = await canvas.shot();
    const others = objects.filter((o) => o.label !== label);
    for (const o of objects.filter((x) => x.label === label)) {
      const clear = screenSamples(view, o).filter((s) => !others.some((other) => near(view, other, s, 6)));
      expect(clear.filter((s) => !unchangedAround(without, raw, s)), `"${label}" hidden`).toEqual([]);
    }
    for (const o of others) {
      expect(fraction(screenSamples(view, o), (s) => changedNear(without, raw, s)), `"${o.label}" still drawn`).toBeGreaterThanOrEqual(0.8);
    }
  });
}

test("a segmentation's masks are drawn per label and a label toggles off", async ({ page, request }) => {
  const { task, key } = await completedTaskOf(request, "segmentannotation", { labels: ["background", "animal"] });
  const response = task.response as { annotations: { combined: { indexedImage: string } }; labelMapping: Record<string, { index: number } | { index: number }[]> };
  const res = await request.get(response.annotations.combined.indexedImage);
  expect(res.ok()).toBeTruthy();
  const indexed = PNG.sync.read(await res.body());
  const canvas = new CanvasPage(page);
  await canvas.open(task, key);
  const view = await canvas.fittedView(String(task.params.attachment));
  const imageWidth = (await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return img.naturalWidth;
  }, String(task.params.attachment))) as number;
  const k = indexed.width / imageWidth;

  // Screen points whose whole neighbourhood in the mask has one index: the mask is scaled with
  // smoothing, so a few screen pixels around a label border blend both labels.
  const indexAt = (x: number, y: number) => indexed.data[(Math.floor(y * k) * indexed.width + Math.floor(x * k)) * 4];
  const r = Math.ceil(4 / Math.min(1, view.scale));
  const uniform = (x: number, y: number, index: number) => {
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (indexAt(x + dx, y + dy) !== index) return false;
    return true;
  };
  const pointsOf = (index: number): Pt[] => {
    const out: Pt[] = [];
    const step = Math.max(4, Math.floor(imageWidth / 40));
    for (let y = r; y < indexed.height / k - r; y += step) {
      for (let x = r; x < imageWidth - r; x += step) if (uniform(x, y, index)) out.push(toScreen(view, { x, y }));
    }
    return out;
  };
  const entries = Object.entries(response.labelMapping).flatMap(([label, m]) => (Array.isArray(m) ? m : [m]).map((e) => ({ label, index: e.index })));
  const present = entries.map((e) => ({ ...e, points: pointsOf(e.index) })).filter((e) => e.points.length >= 5);
  expect(present.length, "the mask has at least two labels with area").toBeGreaterThanOrEqual(2);

  await canvas.toggle("legend-show-labels");
  // Opaque masks, so a label's colour can't blend into a similar-looking photo.
  await page.getByTestId("legend-mask-opacity").fill("1");
  const [target, ...rest] = present;
  let drawn = await canvas.shot();
  await canvas.toggle("legend-kind-mask");
  const raw = await canvas.shot();
  await canvas.toggle("legend-kind-mask");
  // The mask is decoded asynchronously: wait until it shows.
  await expect
    .poll(async () => {
      drawn = await canvas.shot();
      return fraction(target.points, (s) => changedNear(drawn, raw, s));
    })
    .toBeGreaterThanOrEqual(0.8);
  for (const e of rest) expect(fraction(e.points, (s) => changedNear(drawn, raw, s)), `mask "${e.label}" drawn`).toBeGreaterThanOrEqual(0.8);

  await page.getByTestId(`legend-label-${target.label}`).click();
  const without = await canvas.shot();
  expect(target.points.filter((s) => !unchangedAround(without, raw, s)), `mask "${target.label}" hidden`).toEqual([]);
  for (const e of rest.filter((r) => r.label !== target.label)) {
    expect(fraction(e.points, (s) => changedNear(without, raw, s)), `mask "${e.label}" still drawn`).toBeGreaterThanOrEqual(0.8);
  }
});

test("the object list works from the keyboard: focus highlights a row, Enter selects it", async ({ page, request }) => {
  const { task, key } = await completedTaskOf(request, "annotation", { objects_to_annotate: ["car", "person"], with_labels: true });
  const canvas = new CanvasPage(page);
  await canvas.open(task, key);
  const row = page.getByTestId("canvas-object").first();
  await row.focus();
  await expect(row).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(row).toHaveAttribute("aria-selected", "true");
});
