// Segmentation work is never lost offline: strokes made while the masks can't be uploaded are
// kept in the browser (IndexedDB) at each pause, the save status counts them and leaving the page
// asks first; a reload (which offline fails: no app shell) then reopening with the server still
// refusing files brings them back from the browser and says so; once files are taken again they
// are uploaded, the server's draft holds the hosted masks, and Submit completes the task.
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { createPendingTask, draftOf, LIVE_AUTH, LIVE_KEY, readyCanvas } from "./helpers/workTasks";
import { abortIndexedDbWritesOnLeave, failIndexedDbWritesNow } from "./helpers/idbTeardown";

type MaskAnswer = { annotations: { combined: { indexedImage: string } }; labelMapping: Record<string, { index: number }> };

/** The panel's count of unlabeled pixels ("N of 131,200"): the horse image has 131,200. */
async function unlabeled(page: Page): Promise<number> {
  const text = (await page.getByRole("region", { name: "Segmentation" }).textContent()) ?? "";
  return Number(/([\d,]+) of 131,200/.exec(text)?.[1].replace(/,/g, "") ?? NaN);
}

/** A pending live task: paint the horse, unlabeled pixels allowed. */
const createHorseTask = (request: APIRequestContext, baseURL: string | undefined) =>
  createPendingTask(request, "segmentannotation", { instruction: "Paint the horse.", attachment: `${baseURL}/sample-images/horse.png`, labels: ["horse"], allow_unlabeled: true });

/** The label index at image pixel (x, y) of an answer's hosted indexed image. */
async function indexAt(request: APIRequestContext, answer: MaskAnswer, x: number, y: number): Promise<number> {
  const png = PNG.sync.read(await (await request.get(answer.annotations.combined.indexedImage)).body());
  return png.data[4 * (y * png.width + x)];
}

/** What this browser keeps of the task's painting (the panel's IndexedDB store). */
function keptMask(page: Page, taskId: string): Promise<number | null> {
  return page.evaluate(
    (id) =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open("scale-workbench-masks");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("masks")) return resolve(null);
          const get = db.transaction("masks").objectStore("masks").get(id);
          get.onsuccess = () => resolve((get.result as { changedAt: number } | undefined)?.changedAt ?? null);
          get.onerror = () => reject(get.error);
        };
      }),
    taskId,
  );
}

test("segmentation offline: painting survives a reload from the browser's copy, uploads when back online, and submits", async ({ page, request, baseURL }) => {
  const taskId = await createHorseTask(request, baseURL);

  await page.goto(`/work/${taskId}#key=${LIVE_KEY}`);
  let canvas = await readyCanvas(page);
  await canvas.tool("Brush");
  await canvas.brushSize(20);
  const state = page.getByTestId("mask-save-state");
  const status = page.getByTestId("save-status");

  // Online: the first stroke is uploaded and saved as a draft.
  await canvas.drag({ x: 100, y: 100 }, { x: 300, y: 100 });
  await expect(state).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
  await expect(status).toContainText("Saved at", { timeout: 20_000 });
  const afterFirst = await unlabeled(page);

  // Offline: two more strokes; they can't be uploaded, and the page says so and counts them.
  await page.context().setOffline(true);
  await canvas.drag({ x: 100, y: 250 }, { x: 300, y: 250 });
  await canvas.drag({ x: 150, y: 180 }, { x: 250, y: 180 });
  await expect(state).toHaveAttribute("data-state", "error", { timeout: 20_000 });
  await expect(status).toContainText("Offline — 2 changes waiting");
  await expect(state).toContainText("kept in this browser");
  const painted = await unlabeled(page);
  expect(painted).toBeLessThan(afterFirst - 2_000);
  await expect.poll(() => keptMask(page, taskId)).not.toBeNull();
  // The server's draft still has the first stroke only.
  expect(await indexAt(request, (await draftOf<MaskAnswer>(request, taskId))!.response, 200, 250)).toBe(0);

  // Reload while still offline, the strokes not uploaded: leaving asks first. With no network
  // the page itself can't load (the console has no offline app shell), so whatever was only in
  // the tab's memory is gone now.
  const asked: string[] = [];
  page.on("dialog", (d) => {
    asked.push(d.type());
    void d.accept();
  });
  await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  expect(asked).toContain("beforeunload");

  // The network is back but the server still can't take files (say it is restarting): the page
  // loads, the painting comes back from this browser, says so, and waits for the upload.
  const refuse = (route: import("@playwright/test").Route) => route.abort("connectionrefused");
  await page.route("**/v1/files", refuse);
  await page.context().setOffline(false);
  await page.goto(`/work/${taskId}#key=${LIVE_KEY}`);
  await expect(page.getByTestId("mask-restored")).toContainText(/Unsaved painting from \d{1,2}:\d\d( [AP]M)? restored/);
  canvas = await readyCanvas(page);
  await expect.poll(() => unlabeled(page), { timeout: 15_000 }).toBe(painted);
  await expect(status).toContainText("1 change waiting", { timeout: 20_000 });
  await expect(state).toHaveAttribute("data-state", "error");
  expect(await indexAt(request, (await draftOf<MaskAnswer>(request, taskId))!.response, 200, 250)).toBe(0);

  // "Download my work" carries the painting the server hasn't got, as PNGs.
  await page.getByRole("heading", { name: "Instruction" }).click();
  const download = page.waitForEvent("download");
  await page.keyboard.press("Shift+D");
  const file = JSON.parse(fs.readFileSync(await (await download).path(), "utf8")) as { unuploaded_masks: { labelMapping: Record<string, { index: number }>; files: { kind: string; png: string }[] } };
  const indexed = file.unuploaded_masks.files.find((f) => f.kind === "indexedImage")!.png;
  const kept = PNG.sync.read(Buffer.from(indexed.replace(/^data:image\/png;base64,/, ""), "base64"));
  expect(kept.data[4 * (250 * kept.width + 200)]).toBe(file.unuploaded_masks.labelMapping.horse.index);

  // Submit refuses while the restored painting is not uploaded.
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("work-issues")).toContainText("still being uploaded");

  // The server takes files again: uploaded without another stroke, and the draft holds hosted masks.
  await page.unroute("**/v1/files", refuse);
  await expect(state).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
  await expect(status).toContainText("Saved at", { timeout: 20_000 });
  const draft = (await draftOf<MaskAnswer>(request, taskId))!.response;
  expect(draft.annotations.combined.indexedImage).toMatch(/^https?:\/\/.+\/files\//);
  const horse = draft.labelMapping.horse.index;
  expect(await indexAt(request, draft, 200, 250)).toBe(horse);
  expect(await indexAt(request, draft, 200, 100)).toBe(horse);
  expect(await indexAt(request, draft, 200, 180)).toBe(horse);
  await expect.poll(() => keptMask(page, taskId)).toBeNull();

  // Submit: completed with all three strokes.
  await page.getByTestId("submit").click();
  await expect(page.getByText(/Submitted — time spent/)).toBeVisible({ timeout: 20_000 });
  const task = (await (await request.get(`/v1/task/${taskId}`, { headers: LIVE_AUTH })).json()) as { status: string; response: MaskAnswer };
  expect(task.status).toBe("completed");
  for (const y of [100, 180, 250]) expect(await indexAt(request, task.response, 200, y)).toBe(task.response.labelMapping.horse.index);
  expect(await indexAt(request, task.response, 20, 20)).toBe(0);
});

/** A horse task open with the brush, its uploads refused (route `refuse` is removed to let them through). */
async function openHorseBrushWithoutUploads(page: Page, request: APIRequestContext, baseURL: string | undefined) {
  const taskId = await createHorseTask(request, baseURL);
  await page.goto(`/work/${taskId}#key=${LIVE_KEY}`);
  const canvas = await readyCanvas(page);
  await canvas.tool("Brush");
  const refuse = (route: import("@playwright/test").Route) => route.abort("connectionrefused");
  await page.route("**/v1/files", refuse);
  return { taskId, canvas, refuse };
}

// The stroke is kept as the page goes, whether the closing page's IndexedDB write lands or not:
// Chromium aborts IndexedDB transactions of a document being torn down, and under load the write
// started at page-hide never commits, so only storage written synchronously at page-hide (the
// rescue slot) can keep it. `lost` makes this page's IndexedDB writes fail once it starts leaving.
for (const lost of [false, true]) {
  const title = lost
    ? "segmentation: a stroke made just before the tab reloads survives even when the closing page's IndexedDB write is lost"
    : "segmentation: a stroke made just before the tab reloads (within the upload pause) is kept and restored";
  test(title, async ({ page, request, baseURL }) => {
    if (lost) await abortIndexedDbWritesOnLeave(page);
    const { taskId, canvas, refuse } = await openHorseBrushWithoutUploads(page, request, baseURL);
    await canvas.drag({ x: 100, y: 250 }, { x: 300, y: 250 });
    const painted = await unlabeled(page);
    expect(painted).toBeLessThan(131_200);
    // At once, before the pause ends: the page keeps the stroke as it goes.
    page.on("dialog", (d) => void d.accept());
    await page.reload();
    await expect(page.getByTestId("mask-restored")).toBeVisible();
    await readyCanvas(page);
    await expect.poll(() => unlabeled(page), { timeout: 15_000 }).toBe(painted);
    if (lost) {
      // Moved into IndexedDB on opening (this page's writes work until it leaves), the slot cleared.
      await expect.poll(() => keptMask(page, taskId)).not.toBeNull();
      await expect.poll(() => page.evaluate((id) => Object.keys(localStorage).filter((k) => k.includes(id)), taskId)).toEqual([]);
    }
    await page.unroute("**/v1/files", refuse);
    await expect(page.getByTestId("mask-save-state")).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
    await expect.poll(async () => (await draftOf<MaskAnswer>(request, taskId))?.response.annotations.combined.indexedImage ?? "", { timeout: 20_000 }).toMatch(/\/files\//);
    const draft = (await draftOf<MaskAnswer>(request, taskId))!.response;
    expect(await indexAt(request, draft, 200, 250)).toBe(draft.labelMapping.horse.index);
    await expect.poll(() => keptMask(page, taskId)).toBeNull();
  });
}

test("segmentation: leaving with this site's local storage full says the last strokes had no instant copy, until they are uploaded", async ({ page, request, baseURL }) => {
  await abortIndexedDbWritesOnLeave(page);
  const { canvas, refuse } = await openHorseBrushWithoutUploads(page, request, baseURL);
  // localStorage full to the last character (other data of this site), and IndexedDB's write lost.
  const filled = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`filler.${n}`, "x".repeat(size));
          n++;
        } catch {
          break;
        }
      }
    }
    return n;
  });
  expect(filled).toBeGreaterThan(0);
  await failIndexedDbWritesNow(page);
  await canvas.drag({ x: 100, y: 250 }, { x: 300, y: 250 });
  // The page starts to leave (the person then stays: the "leave?" question answered "stay").
  await page.evaluate(() => window.dispatchEvent(new Event("beforeunload")));
  const state = page.getByTestId("mask-save-state");
  await expect(state).toContainText("The last strokes could not be kept at once on leaving (this browser's local storage is full): wait until the masks are uploaded before closing the page.");
  // The page's own status doesn't claim the strokes are kept in this browser.
  await expect(page.getByTestId("save-status")).toContainText("1 change waiting");
  await expect(page.getByTestId("save-status")).toContainText("this browser could not keep them: don't close the page");
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("filler.")) localStorage.removeItem(k);
  });
  await page.unroute("**/v1/files", refuse);
  await expect(state).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
  await expect(state).toHaveText("Masks uploaded.");
  await expect(page.getByTestId("save-status")).toContainText("Saved at", { timeout: 20_000 });
});
