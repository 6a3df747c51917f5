// The canvas as a user meets it on the task and audit pages: how much of the screen it gets, the
// side panel and full screen, the keyboard (shortcuts after a toolbar click, the object list's
// arrow keys), segmentation masks listed and highlighted (also from per-label masks alone), an
// image that fails to load, 3D-only cuboids, and phones (stacking, no overflow, pinch and drag).
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { PNG } from "pngjs";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";

interface Task {
  task_id: string;
  type: string;
  params: Record<string, unknown>;
  response: Record<string, unknown> | null;
}

function auth(key: string) {
  return { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
}

/** A completed demo task of `type` whose response has something in `annotations`. */
async function demoTask(request: APIRequestContext, type: string, minAnnotations = 1): Promise<Task> {
  const res = await request.get(`/v1/tasks?type=${type}&status=completed&limit=50`, { headers: auth(LIVE_KEY) });
  expect(res.ok(), await res.text()).toBeTruthy();
  const docs = ((await res.json()) as { docs: Task[] }).docs;
  const task = docs.find((t) => {
    const a = t.response?.annotations;
    return typeof t.params.attachment === "string" && (Array.isArray(a) ? a.length >= minAnnotations : true);
  });
  expect(task, `a completed demo ${type} task`).toBeTruthy();
  return task!;
}

const stageOf = (page: Page) => page.getByTestId("annotation-canvas");
const rootOf = (page: Page) => page.getByTestId("annotation-canvas-root");

async function openTask(page: Page, task: Task) {
  await page.goto(`/tasks/${task.task_id}#key=${LIVE_KEY}`);
  await expect(stageOf(page)).toBeVisible();
  await expect(page.getByText("Loading image…")).toHaveCount(0);
}

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

async function zoom(page: Page): Promise<number> {
  return parseInt((await page.getByTestId("zoom-indicator").textContent()) ?? "0", 10);
}

async function shot(page: Page): Promise<PNG> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return PNG.sync.read(await stageOf(page).screenshot({ animations: "disabled" }));
}

/** Share of sampled pixels that differ clearly between two shots of the same size. */
function changedShare(a: PNG, b: PNG): number {
  let changed = 0;
  let total = 0;
  for (let y = 2; y < a.height - 2; y += 4) {
    for (let x = 2; x < a.width - 2; x += 4) {
      const i = (y * a.width + x) * 4;
      total++;
      if (Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2])) > 30) changed++;
    }
  }
  return changed / total;
}

test("a task with nothing to draw shows its image without an empty legend or object list", async ({ page, request }) => {
  const task = await demoTask(request, "transcription");
  await openTask(page, task);
  const root = rootOf(page);
  await expect(root).toBeVisible();
  await expect(page.getByTestId("canvas-legend")).toHaveCount(0);
  await expect(page.getByTestId("canvas-panel")).toHaveCount(0);
  await expect(page.getByTestId("canvas-panel-toggle")).toHaveCount(0);
  await expect(root.getByText("Labels", { exact: true })).toHaveCount(0);
  await expect(root.getByText("Objects", { exact: true })).toHaveCount(0);
});

test("the canvas takes most of a 1440×900 screen on the task page, and a good part on the audit page", async ({ page, request }) => {
  const task = await demoTask(request, "annotation");
  await openTask(page, task);
  const stage = await box(stageOf(page));
  expect(stage.width * stage.height, `stage ${stage.width}×${stage.height}`).toBeGreaterThan(0.45 * 1440 * 900);
  expect(stage.y + stage.height).toBeLessThanOrEqual(900);

  // Closing the side panel gives its width to the image.
  await page.getByTestId("canvas-panel-toggle").click();
  await expect(page.getByTestId("canvas-panel")).toHaveCount(0);
  await expect.poll(async () => (await box(stageOf(page))).width).toBeGreaterThan(stage.width + 200);
  await page.getByTestId("canvas-panel-toggle").click();
  await expect(page.getByTestId("canvas-panel")).toBeVisible();

  await page.goto(`/audit?type=annotation#key=${LIVE_KEY}`);
  await expect(stageOf(page)).toBeVisible();
  const audit = await box(stageOf(page));
  expect(audit.height, `audit stage ${audit.width}×${audit.height}`).toBeGreaterThan(560);
  expect(audit.width * audit.height).toBeGreaterThan(0.25 * 1440 * 900);
});

for (const where of ["task", "audit"] as const) {
  test(`full screen on the ${where} page: the toolbar button and Shift+F fill the screen, Esc leaves`, async ({ page, request }) => {
    if (where === "task") await openTask(page, await demoTask(request, "annotation"));
    else {
      await page.goto(`/audit?type=annotation#key=${LIVE_KEY}`);
      await expect(stageOf(page)).toBeVisible();
    }
    const before = await box(rootOf(page));
    const fit = await zoom(page);
    await page.getByTestId("canvas-fullscreen").click();
    await expect(rootOf(page)).toHaveAttribute("data-fullscreen", "true");
    await expect.poll(async () => (await box(rootOf(page))).height).toBeGreaterThanOrEqual(890);
    const full = await box(rootOf(page));
    expect(full.width).toBeGreaterThanOrEqual(1430);
    expect(full.x).toBeLessThanOrEqual(1);
    // The fitted image is fitted again to the bigger stage.
    await expect.poll(() => zoom(page)).toBeGreaterThan(fit);
    await page.keyboard.press("Escape");
    await expect(rootOf(page)).not.toHaveAttribute("data-fullscreen", "true");
    await expect.poll(async () => Math.round((await box(rootOf(page))).height)).toBe(Math.round(before.height));

    // The key: with the pointer over the stage.
    const stage = await box(stageOf(page));
    await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
    await page.keyboard.press("Shift+F");
    await expect(rootOf(page)).toHaveAttribute("data-fullscreen", "true");
    await page.keyboard.press("Escape");
    await expect(rootOf(page)).not.toHaveAttribute("data-fullscreen", "true");
  });
}

test("canvas shortcuts keep working after a toolbar button is clicked, and while the pointer is over the stage", async ({ page, request }) => {
  await openTask(page, await demoTask(request, "annotation"));
  const fit = await zoom(page);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect.poll(() => zoom(page)).toBeGreaterThan(fit);
  // Focus is on the toolbar button now: the keys still reach the canvas.
  await page.keyboard.press("1");
  await expect(page.getByTestId("zoom-indicator")).toHaveText("100%");
  await page.keyboard.press("f");
  await expect(page.getByTestId("zoom-indicator")).toHaveText(`${fit}%`);

  // Focus elsewhere on the page, pointer over the stage: the keys act on the canvas.
  await page.getByRole("heading").first().click();
  const stage = await box(stageOf(page));
  await page.mouse.move(stage.x + 30, stage.y + 30);
  await page.keyboard.press("+");
  await expect.poll(() => zoom(page)).toBeGreaterThan(fit);
  // ...but not when the pointer is away and focus is outside the canvas.
  await page.mouse.move(5, 5);
  await page.getByRole("heading").first().click();
  const zoomed = await zoom(page);
  await page.keyboard.press("f");
  expect(await zoom(page)).toBe(zoomed);
});

test("the toolbar's Keys button lists the canvas shortcuts; Esc closes the list", async ({ page, request }) => {
  await openTask(page, await demoTask(request, "annotation"));
  await page.getByTestId("canvas-keys").click();
  const list = page.getByRole("dialog", { name: "Canvas shortcuts" });
  await expect(list).toBeVisible();
  await expect(list).toContainText("Shift+F");
  await expect(list).toContainText("Fit the image to the screen");
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
});

test("the object list is a listbox: arrow keys move the highlight, Enter selects", async ({ page, request }) => {
  await openTask(page, await demoTask(request, "annotation", 2));
  const list = page.getByTestId("canvas-object-list");
  await expect(list).toHaveAttribute("role", "listbox");
  const rows = list.getByRole("option");
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await list.focus();
  const first = rows.nth(0);
  const second = rows.nth(1);
  await expect(list).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await expect(first).toHaveAttribute("data-hovered", "true");
  await page.keyboard.press("ArrowDown");
  await expect(list).toHaveAttribute("aria-activedescendant", (await second.getAttribute("id"))!);
  await expect(second).toHaveAttribute("data-hovered", "true");
  await page.keyboard.press("Enter");
  await expect(second).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowUp");
  await expect(list).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await page.keyboard.press("End");
  await expect(list).toHaveAttribute("aria-activedescendant", (await rows.last().getAttribute("id"))!);
});

test("a segmentation lists its mask labels and instances, and a row highlights its pixels", async ({ page, request }) => {
  const task = await demoTask(request, "segmentannotation");
  await openTask(page, task);
  const mapping = (task.response as { labelMapping: Record<string, unknown> }).labelMapping;
  const entries = Object.values(mapping).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 1), 0);
  const rows = page.getByTestId("canvas-object-list").getByRole("option");
  await expect(rows).toHaveCount(entries);
  // A row per label and per instance (an instance label with no instances has none).
  const listed = Object.entries(mapping).filter(([, v]) => !Array.isArray(v) || v.length > 0);
  for (const [label] of listed) await expect(rows.filter({ hasText: label }).first()).toBeVisible();
  await expect(page.getByText("None shown")).toHaveCount(0);
  // Pixel counts appear once the mask is read (a label may also have none: "no pixels").
  const drawn = rows.filter({ hasText: /\d px/ }).first();
  await expect(drawn).toBeVisible();

  await page.mouse.move(1, 1);
  const before = await shot(page);
  await drawn.hover();
  await expect(drawn).toHaveAttribute("data-hovered", "true");
  await expect.poll(async () => changedShare(before, await shot(page))).toBeGreaterThan(0.02);
  await drawn.click();
  await expect(drawn).toHaveAttribute("aria-selected", "true");
});

test("per-label masks are drawn when the indexed and colour images can't be read", async ({ page, request }) => {
  const task = await demoTask(request, "segmentannotation");
  const { combined, labeled } = (task.response as { annotations: { combined: { image: string; indexedImage: string }; labeled: Record<string, unknown> } })
    .annotations;
  expect(Object.keys(labeled).length).toBeGreaterThan(0);
  for (const url of [combined.image, combined.indexedImage]) await page.route(url, (route) => route.fulfill({ status: 404, body: "gone" }));
  await openTask(page, task);
  const rows = page.getByTestId("canvas-object-list").getByRole("option");
  // Pixel counts come from the mask the canvas built from the per-label files.
  await expect(rows.filter({ hasText: /\d px/ }).first()).toBeVisible();
  await page.getByTestId("legend-mask-opacity").fill("1");
  await page.mouse.move(1, 1);
  const shown = await shot(page);
  await page.getByTestId("legend-kind-mask").click();
  const hidden = await shot(page);
  expect(changedShare(shown, hidden)).toBeGreaterThan(0.3);
});

test("an image that fails to load is reported above the drawing, never over it", async ({ page, request }) => {
  const task = await demoTask(request, "annotation");
  await page.route(String(task.params.attachment), (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(`/tasks/${task.task_id}#key=${LIVE_KEY}`);
  const notice = page.getByTestId("canvas-image-error");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("could not be loaded");
  const n = await box(notice);
  const stage = await box(stageOf(page));
  expect(n.y + n.height).toBeLessThanOrEqual(stage.y + 1);
  // The boxes are still drawn, in the stage below the notice.
  await expect(page.getByTestId("canvas-object").first()).toBeVisible();
});

test("a cuboid with points_3d and no points_2d is described in the object list", async ({ page, request }) => {
  const task = await demoTask(request, "cuboidannotation");
  await page.route(`**/v1/task/${task.task_id}`, async (route) => {
    const res = await route.fetch();
    const body = (await res.json()) as Task;
    const annotations = (body.response?.annotations as Record<string, unknown>[]).map((a) => {
      const { points_2d: _dropped, ...rest } = a;
      return { ...rest, points_3d: Array.from({ length: 8 }, (_, i) => ({ x: i % 2, y: i < 4 ? 0 : 1, z: i % 4 < 2 ? 10 : 12 })) };
    });
    await route.fulfill({ response: res, json: { ...body, response: { ...body.response, annotations } } });
  });
  await openTask(page, task);
  const row = page.getByTestId("canvas-object-list").getByRole("option").first();
  await expect(row).toContainText("3D points only (depth 10–12)");
});

test.describe("on a phone (390×844, touch)", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("task and audit pages stack with the canvas first and don't overflow sideways", async ({ page, request }) => {
    await openTask(page, await demoTask(request, "annotation"));
    const stage = await box(stageOf(page));
    expect(stage.width).toBeGreaterThan(340);
    expect(stage.height).toBeGreaterThan(300);
    const response = await box(page.getByRole("heading", { name: "Response" }));
    expect(stage.y).toBeLessThan(response.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.goto(`/audit?type=annotation#key=${LIVE_KEY}`);
    await expect(stageOf(page)).toBeVisible();
    const auditStage = await box(stageOf(page));
    const decision = await box(page.getByRole("heading", { name: "Decision" }));
    expect(auditStage.y).toBeLessThan(decision.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("two fingers pinch to zoom, one finger drags to pan", async ({ page, request }) => {
    await openTask(page, await demoTask(request, "annotation"));
    const stage = await box(stageOf(page));
    const cx = stage.x + stage.width / 2;
    const cy = stage.y + stage.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", points: { x: number; y: number }[]) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });

    const fit = await zoom(page);
    await touch("touchStart", [{ x: cx - 30, y: cy }, { x: cx + 30, y: cy }]);
    for (let d = 40; d <= 120; d += 20) await touch("touchMove", [{ x: cx - d, y: cy }, { x: cx + d, y: cy }]);
    await touch("touchEnd", []);
    await expect.poll(() => zoom(page)).toBeGreaterThan(fit * 2.5);

    const zoomed = await zoom(page);
    const before = await shot(page);
    await touch("touchStart", [{ x: cx, y: cy }]);
    for (let d = 10; d <= 80; d += 10) await touch("touchMove", [{ x: cx + d, y: cy + d / 2 }]);
    await touch("touchEnd", []);
    expect(await zoom(page)).toBe(zoomed);
    await expect.poll(async () => changedShare(before, await shot(page))).toBeGreaterThan(0.1);
  });
});
