// Opening an existing segmentation answer in the editor (the try page's "Open an existing
// response"): the saved masks are fetched through the console's origin, decoded into the label
// raster with the answer's indices, edited further and saved again; an unreadable answer says so
// and edits nothing until the user chooses an empty mask.
import { expect, test, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { EditCanvas, type Pt } from "./helpers/editCanvas";

interface MaskResponse {
  annotations: { combined: { indexedImage: string; image: string } };
  labelMapping: Record<string, { index: number; color: string } | { index: number; color: string }[]>;
}

async function save(page: Page): Promise<{ text: string; response: MaskResponse; at(p: Pt): number }> {
  const shown = page.getByTestId("mask-response");
  const before = (await shown.count()) > 0 ? await shown.textContent() : null;
  await page.getByRole("button", { name: /Save masks/ }).click();
  await expect(page.getByTestId("mask-saved")).toBeVisible();
  await expect.poll(async () => shown.textContent()).not.toBe(before);
  const text = (await shown.textContent()) ?? "{}";
  const response = JSON.parse(text) as MaskResponse;
  const png = PNG.sync.read(await (await page.request.get(response.annotations.combined.indexedImage)).body());
  return { text, response, at: (p) => png.data[4 * (Math.round(p.y) * png.width + Math.round(p.x))] };
}

async function reopen(page: Page, responseText: string) {
  await page.getByText("Open an existing response").click();
  await page.getByTestId("response-json").fill(responseText);
  await page.getByTestId("apply-params").click();
}

test("a saved segmentation opens with its pixels and indices, and keeps them through another edit", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("segmentannotation", (p) => {
    p.allow_unlabeled = true;
  });
  await canvas.tool("Brush");
  await canvas.brushSize(20);
  await page.getByRole("button", { name: "New galaxy instance" }).click();
  await canvas.drag({ x: 200, y: 300 }, { x: 600, y: 300 });
  await page.getByRole("button", { name: /^star/ }).click();
  await canvas.drag({ x: 200, y: 600 }, { x: 400, y: 600 });
  const first = await save(page);
  const galaxy = (first.response.labelMapping.galaxy as { index: number }[])[0].index;
  const star = (first.response.labelMapping.star as { index: number }).index;
  const unlabeled = await page.getByTestId("unlabeled-count").textContent();

  // A new editor opened with that answer: same pixels (the unlabeled count), same classes.
  await reopen(page, first.text);
  await expect(page.getByTestId("mask-waiting")).toHaveCount(0);
  await expect(page.getByTestId("unlabeled-count")).toHaveText(unlabeled ?? "");
  await expect(page.getByRole("button", { name: "#1", exact: true })).toBeVisible();

  // Paint more with the reopened instance; the old strokes stay, under the same indices.
  await page.getByRole("button", { name: "#1", exact: true }).click();
  await canvas.tool("Brush");
  await canvas.drag({ x: 700, y: 100 }, { x: 800, y: 100 });
  const second = await save(page);
  expect((second.response.labelMapping.galaxy as { index: number }[])[0].index).toBe(galaxy);
  expect(second.at({ x: 400, y: 300 })).toBe(galaxy);
  expect(second.at({ x: 300, y: 600 })).toBe(star);
  expect(second.at({ x: 750, y: 100 })).toBe(galaxy);
  expect(second.at({ x: 100, y: 100 })).toBe(0);
});

test("an answer whose masks can't be read says why and edits nothing until an empty mask is chosen", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("segmentannotation");
  const missing = `${new URL(page.url()).origin}/files/uploads/does-not-exist.png`;
  await reopen(
    page,
    JSON.stringify({
      annotations: { unlabeled: null, labeled: { sky: missing, star: missing, galaxy: [] }, combined: { image: missing, indexedImage: missing } },
      labelMapping: { sky: { color: "#ff0000", index: 1 }, star: { color: "#00ff00", index: 2 }, galaxy: [] },
    }),
  );
  const error = page.getByTestId("mask-answer-error");
  await expect(error).toContainText("The saved masks can't be opened");
  await expect(error).toContainText("HTTP 404");
  await canvas.tool("Brush");
  await canvas.drag({ x: 200, y: 300 }, { x: 400, y: 300 });
  await expect(page.getByTestId("edit-message")).toBeVisible();
  await error.getByRole("button", { name: "Start from an empty mask instead" }).click();
  await expect(page.getByTestId("unlabeled-count")).toContainText("872,000 of 872,000");
});
