// Segmentation editing and the edit panels on the try page, with the real mouse and keyboard:
// a brush stroke and an eraser stroke change the expected pixels of the indexed PNG the browser
// encodes and uploads (read back from the server), and undo restores them; the label picker
// finds a nested leaf by typing; a conditional attribute appears only while its condition holds.
import { expect, test, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { EditCanvas, EditKeyboard, type Pt } from "./helpers/editCanvas";

interface MaskResponse {
  annotations: { combined: { indexedImage: string; image: string } };
  labelMapping: Record<string, { index: number; color: string } | { index: number; color: string }[]>;
}

/** Saves the masks through the panel and reads back the indexed PNG the server now hosts. */
async function saveAndRead(page: Page): Promise<{ response: MaskResponse; at(p: Pt): number }> {
  const shown = page.getByTestId("mask-response");
  const before = (await shown.count()) > 0 ? await shown.textContent() : null;
  await page.getByRole("button", { name: /Save masks/ }).click();
  await expect(page.getByTestId("mask-saved")).toBeVisible();
  await expect.poll(async () => page.getByTestId("mask-response").textContent()).not.toBe(before);
  const response = JSON.parse((await page.getByTestId("mask-response").textContent()) ?? "{}") as MaskResponse;
  const res = await page.request.get(response.annotations.combined.indexedImage);
  expect(res.status()).toBe(200);
  const png = PNG.sync.read(await res.body());
  expect([png.width, png.height]).toEqual([1000, 872]);
  return { response, at: (p) => png.data[4 * (Math.round(p.y) * png.width + Math.round(p.x))] };
}

test("a brush stroke and an eraser stroke change the indexed PNG's pixels; undo restores them", async ({ page }) => {
  const canvas = new EditCanvas(page);
  const keys = new EditKeyboard(page);
  await canvas.open("segmentannotation", (p) => {
    p.allow_unlabeled = true;
  });
  await canvas.tool("Brush");
  await canvas.brushSize(20);
  await page.getByRole("button", { name: /^star/ }).click();

  // A horizontal stroke at y = 300 from x = 200 to 600, 20 px wide.
  await canvas.drag({ x: 200, y: 300 }, { x: 600, y: 300 });
  let saved = await saveAndRead(page);
  const star = (saved.response.labelMapping.star as { index: number }).index;
  expect(saved.at({ x: 400, y: 300 })).toBe(star);
  expect(saved.at({ x: 400, y: 306 })).toBe(star);
  expect(saved.at({ x: 400, y: 330 })).toBe(0);
  expect(saved.at({ x: 100, y: 300 })).toBe(0);
  expect(saved.at({ x: 700, y: 300 })).toBe(0);

  // An eraser stroke across it at x = 400.
  await canvas.tool("Eraser");
  await canvas.drag({ x: 400, y: 260 }, { x: 400, y: 340 });
  saved = await saveAndRead(page);
  expect(saved.at({ x: 400, y: 300 })).toBe(0);
  expect(saved.at({ x: 300, y: 300 })).toBe(star);
  expect(saved.at({ x: 500, y: 300 })).toBe(star);

  // Undo the eraser: the pixels come back; undo the brush: nothing is labelled.
  await canvas.moveTo({ x: 800, y: 700 });
  await keys.undo();
  saved = await saveAndRead(page);
  expect(saved.at({ x: 400, y: 300 })).toBe(star);
  await keys.undo();
  await expect(page.getByTestId("unlabeled-count")).toContainText("872,000 of 872,000");
  saved = await saveAndRead(page);
  expect(saved.at({ x: 400, y: 300 })).toBe(0);
  expect(saved.at({ x: 300, y: 300 })).toBe(0);
  // Redo brings the stroke back.
  await keys.redo();
  saved = await saveAndRead(page);
  expect(saved.at({ x: 400, y: 300 })).toBe(star);
});

test("unlabeled pixels are an error until filled, when allow_unlabeled is false", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("segmentannotation");
  await canvas.tool("Brush");
  await canvas.brushSize(40);
  await page.getByRole("button", { name: /^star/ }).click();
  await canvas.drag({ x: 100, y: 100 }, { x: 300, y: 100 });
  await expect(page.getByRole("alert").filter({ hasText: "unlabeled but allow_unlabeled is false" })).toBeVisible();
  // The error leads to the unlabeled pixels: a small region is zoomed in on.
  const fitted = (await canvas.view()).scale;
  await canvas.tool("Eraser");
  await canvas.brushSize(6);
  await canvas.click({ x: 200, y: 100 }); // a 6 px hole in the stroke
  await canvas.tool("Fill unlabeled");
  await page.getByRole("button", { name: /^star/ }).click();
  await canvas.click({ x: 800, y: 600 }); // the big region around the stroke: only the hole is left
  await page.getByRole("button", { name: "Show next unlabeled area" }).click();
  await expect.poll(async () => (await canvas.view()).scale).toBeGreaterThan(fitted * 2);
  await page.getByRole("button", { name: "Fit" }).click();
  await page.getByRole("button", { name: /Save masks/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: /this task needs every pixel labelled/ })).toBeVisible();

  // Fill what is left (the hole) with sky (Shift+click: every unlabeled pixel), then save.
  await page.getByRole("button", { name: /^sky/ }).click();
  await canvas.tool("Fill unlabeled");
  await canvas.click({ x: 600, y: 600 }, ["Shift"]);
  await expect(page.getByTestId("unlabeled-count")).toContainText("0 of 872,000");
  await expect(page.getByRole("alert").filter({ hasText: "unlabeled but allow_unlabeled is false" })).toHaveCount(0);
  const saved = await saveAndRead(page);
  const sky = (saved.response.labelMapping.sky as { index: number }).index;
  const star = (saved.response.labelMapping.star as { index: number }).index;
  expect(saved.at({ x: 150, y: 100 })).toBe(star); // the stroke
  expect(saved.at({ x: 600, y: 600 })).toBe(star); // filled around it
  expect(saved.at({ x: 200, y: 100 })).toBe(sky); // the hole, filled last
});

test("instances: a new instance paints with its own index", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("segmentannotation", (p) => {
    p.allow_unlabeled = true;
  });
  await canvas.tool("Brush");
  await canvas.brushSize(30);
  await page.getByRole("button", { name: "New galaxy instance" }).click();
  await canvas.drag({ x: 100, y: 500 }, { x: 200, y: 500 });
  await page.getByRole("button", { name: "New galaxy instance" }).click();
  await canvas.drag({ x: 600, y: 500 }, { x: 700, y: 500 });
  await expect(page.getByRole("button", { name: "#2", exact: true })).toHaveAttribute("aria-pressed", "true");
  const saved = await saveAndRead(page);
  const galaxies = saved.response.labelMapping.galaxy as { index: number }[];
  expect(galaxies).toHaveLength(2);
  expect(saved.at({ x: 150, y: 500 })).toBe(galaxies[0].index);
  expect(saved.at({ x: 650, y: 500 })).toBe(galaxies[1].index);
});

test("the label picker finds a nested leaf by typing, and reports only the leaf", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("annotation");
  await canvas.tool("Box");
  await canvas.drawBox({ x: 300, y: 300 }, { x: 420, y: 400 });
  const dialog = page.getByTestId("label-request");
  await expect(dialog).toBeVisible();
  // "Two-wheeler" is an inner choice: typing part of its name lists its leaves only.
  await dialog.getByRole("combobox").fill("two-wh");
  await expect(dialog.getByRole("option")).toHaveText([/bicycle/, /motorbike/]);
  await dialog.getByRole("combobox").fill("motorb");
  await expect(dialog.getByRole("option")).toHaveCount(1);
  await expect(dialog.getByRole("option")).toContainText("Vehicle › Two-wheeler");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await canvas.wire()).annotations.length).toBe(1);
  expect((await canvas.wire()).annotations[0].label).toBe("motorbike");
});

test("a conditional attribute appears only while its condition holds", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("annotation");
  await canvas.tool("Box");
  await canvas.drawBox({ x: 300, y: 300 }, { x: 420, y: 400 });
  await canvas.pickLabel("person");
  const panel = page.getByRole("region", { name: "Attributes" });
  await expect(panel).toBeVisible();
  // "Is the car parked?" applies to cars only.
  await expect(panel.getByText("Is it occluded?")).toBeVisible();
  await expect(panel.getByText("Is the car parked?")).toHaveCount(0);
  await panel.getByRole("radio", { name: "partly" }).click();
  await expect.poll(async () => (await canvas.wire()).annotations[0].attributes).toEqual({ occluded: "partly" });

  // Relabel the selected box as a car (number key 1 = car): the field appears, required.
  await canvas.moveTo({ x: 700, y: 700 });
  await page.keyboard.press("1");
  await expect.poll(async () => (await canvas.wire()).annotations[0].label).toBe("car");
  await expect(panel.getByText("Is the car parked?")).toBeVisible();
  await expect(panel.getByText("1 missing")).toBeVisible();
  await panel.getByRole("radio", { name: "yes" }).click();
  await expect.poll(async () => (await canvas.wire()).annotations[0].attributes).toEqual({ occluded: "partly", parked: "yes" });
  await expect(panel.getByText(/missing/)).toHaveCount(0);
});
