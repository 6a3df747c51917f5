// The workbench's keys come from the one command registry: on a categorization task with an
// image, the answer keys win over the embedded viewer's (1 picks the first category, not 100%,
// even with the focus on the canvas), and `?` — from the page, the canvas or its Keys button —
// opens the one overlay listing the page's keys, the panel's and the canvas's.
import { expect, test } from "@playwright/test";
import { EditCanvas } from "./helpers/editCanvas";
import { createPendingTask, LIVE_AUTH, openWorkTask } from "./helpers/workTasks";

test("categorization with an image: 1 on the focused canvas picks the first category, and ? lists the page's, the panel's and the canvas's keys", async ({ page, request, baseURL }) => {
  const id = await createPendingTask(request, "categorization", {
    attachment_type: "image",
    attachment: `${baseURL}/sample-images/coffee.png`,
    categories: ["cup", "saucer", "spoon"],
  });
  await openWorkTask(page, id);
  const stage = page.getByTestId("annotation-canvas");
  const indicator = page.getByTestId("zoom-indicator");
  const zoom = async () => parseInt((await indicator.textContent()) ?? "0", 10);
  await expect(stage).toBeVisible();
  await expect(page.getByText("Loading image…")).toHaveCount(0);
  await expect.poll(zoom).toBeGreaterThan(0);

  // Zoomed away from 100%, so a 100% zoom would show; then 1 with the focus on the canvas.
  await stage.focus();
  await page.keyboard.press("-");
  await page.keyboard.press("-");
  await expect.poll(zoom).toBeLessThan(90);
  const before = await zoom();
  await stage.focus();
  await expect(stage).toBeFocused();
  await page.keyboard.press("1");
  await expect(page.getByRole("radio", { name: /cup/ })).toBeChecked();
  await expect(indicator).toHaveText(`${before}%`);
  // The viewer's other keys still work there (F fits), and its 100% button no longer claims "1".
  await stage.focus();
  await page.keyboard.press("f");
  await expect.poll(zoom).not.toBe(before);
  await expect(page.getByTestId("zoom-100")).not.toHaveAttribute("aria-keyshortcuts", /1/);
  await expect(page.getByRole("radio", { name: /cup/ })).toBeChecked();
  await page.getByTestId("zoom-100").click();
  await expect(indicator).toHaveText("100%");

  // `?` with the focus on the canvas: the workbench's overlay, not the canvas's own.
  await stage.focus();
  await page.keyboard.press("?");
  const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(overlay).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Canvas shortcuts" })).toHaveCount(0);
  const task = overlay.getByRole("table", { name: "Task shortcuts" });
  await expect(task).toContainText("Submit");
  await expect(task).toContainText("Skip this task");
  await expect(task).toContainText("Shift+S");
  const answer = overlay.getByRole("table", { name: "Answer shortcuts" });
  await expect(answer).toContainText("1 – 9");
  await expect(answer).toContainText("Pick the 1st – 9th option");
  const image = overlay.getByRole("table", { name: "Image shortcuts" });
  await expect(image).toContainText("Fit the image");
  await expect(image).not.toContainText("100%");
  await page.screenshot({ path: test.info().outputPath("work-keys-categorization.png") });
  // On a phone the overlay fits the screen and scrolls: its Close button is in view.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(overlay.getByRole("button", { name: "Close" })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath("work-keys-categorization-phone.png") });
  await page.keyboard.press("Escape");
  await expect(overlay).toBeHidden();
  await page.setViewportSize({ width: 1440, height: 900 });

  // `?` from the page opens the same one.
  await page.getByRole("heading", { name: "Instruction" }).click();
  await page.keyboard.press("?");
  await expect(overlay).toBeVisible();
  await page.keyboard.press("Escape");

  // 2 picks the second with the pointer over the canvas too; Ctrl+Enter submits it.
  const b = (await stage.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.keyboard.press("2");
  await expect(page.getByRole("radio", { name: /saucer/ })).toBeChecked();
  await page.keyboard.press("Control+Enter");
  await expect(page.getByText(/^Submitted/)).toBeVisible();
  const done = (await (await request.get(`/v1/task/${id}`, { headers: LIVE_AUTH })).json()) as { status: string; response: { category: string } };
  expect(done.status).toBe("completed");
  expect(done.response.category).toBe("saucer");
});

test("an image task: the editor's ? opens the workbench's overlay with the editor's tools and keys", async ({ page, request, baseURL }) => {
  const id = await createPendingTask(request, "annotation", { attachment: `${baseURL}/sample-images/chelsea.png`, objects_to_annotate: ["cat"], with_labels: true });
  await openWorkTask(page, id);
  const canvas = new EditCanvas(page);
  await expect(canvas.stage).toBeVisible();
  await canvas.stage.focus();
  await page.keyboard.press("?");
  const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(overlay).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Editing shortcuts" })).toHaveCount(0);
  await expect(overlay.getByRole("table", { name: "Task shortcuts" })).toContainText("Submit");
  await expect(overlay.getByRole("table", { name: "Tools shortcuts" })).toContainText("Box");
  await expect(overlay.getByRole("table", { name: "Edit shortcuts" })).toContainText("Undo");
  await page.keyboard.press("Escape");
  await expect(overlay).toBeHidden();
});

test("audio transcription: ? lists the audio player's keys from the registry", async ({ page, request, baseURL }) => {
  const id = await createPendingTask(request, "audiotranscription", { attachment: `${baseURL}/files/sample-images/tones.wav` });
  await openWorkTask(page, id);
  await page.getByRole("heading", { name: "Instruction" }).click();
  await page.keyboard.press("?");
  const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  const audio = overlay.getByRole("table", { name: "Audio shortcuts" });
  await expect(audio).toContainText("Play / pause");
  await expect(audio).toContainText("Space / Alt+P");
  await expect(audio).toContainText("Shift+← / Alt+←");
  await expect(overlay.getByRole("table", { name: "Task shortcuts" })).toContainText("Skip this task");
});
