// The `?` overlay of each mode, read from the one command registry: the viewer on a task page,
// the editor on the try page (its content follows the active tool), and the audit queue (its
// review keys plus the embedded canvas's; the canvas's own `?` opens the page's overlay, not a
// second one). Screenshots of each go to SHOTS_DIR when it is set.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { EditCanvas } from "./helpers/editCanvas";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";
const auth = (key: string) => ({ Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });

async function completedTaskId(request: APIRequestContext, type: string): Promise<string> {
  const res = await request.get(`/v1/tasks?type=${type}&status=completed&limit=20`, { headers: auth(LIVE_KEY) });
  expect(res.ok()).toBeTruthy();
  const docs = ((await res.json()) as { docs: { task_id: string; params: { attachment?: unknown } }[] }).docs;
  const task = docs.find((t) => typeof t.params.attachment === "string");
  expect(task).toBeTruthy();
  return task!.task_id;
}

async function shoot(page: Page, name: string) {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png` });
}

test("view mode: ? and the Keys button open the canvas's overlay with every view key", async ({ page, request }) => {
  await page.goto(`/tasks/${await completedTaskId(request, "annotation")}#key=${LIVE_KEY}`);
  const stage = page.getByTestId("annotation-canvas");
  await expect(stage).toBeVisible();
  await expect(page.getByRole("button", { name: "Fit the image to the screen" })).toHaveAttribute("aria-keyshortcuts", "F");
  await expect(page.getByTestId("zoom-fit").locator("kbd")).toHaveText("F");

  const b = (await stage.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.keyboard.press("?");
  const overlay = page.getByRole("dialog", { name: "Canvas shortcuts" });
  await expect(overlay).toBeVisible();
  const view = overlay.getByRole("table", { name: "View shortcuts" });
  for (const [keys, label] of [["F", "Fit the image"], ["Shift+F", "Full screen"], ["+", "Zoom in"], ["M", "Masks"], ["?", "shortcuts"], ["Wheel", "Zoom at the cursor"]]) {
    await expect(view.getByRole("row").filter({ hasText: label })).toContainText(keys);
  }
  await shoot(page, "shortcuts-view");
  // `?` closes it again; so does Esc.
  await page.keyboard.press("?");
  await expect(overlay).toBeHidden();
  await page.getByTestId("canvas-keys").click();
  await expect(overlay).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(overlay).toBeHidden();
});

test("edit mode: the overlay lists the tools, the active tool's keys and the editor's commands", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("polygonannotation");
  // Every tool button shows its key from the registry.
  await expect(page.getByTestId("tool-select").locator("kbd")).toHaveText("V");
  await expect(page.getByTestId("tool-polygon").locator("kbd")).toHaveText("P");
  await expect(page.getByTestId("tool-polygon")).toHaveAttribute("aria-keyshortcuts", "P");
  await expect(page.getByTestId("cmd-undo")).toHaveAttribute("aria-keyshortcuts", /Control\+Z|Meta\+Z/);

  await canvas.tool("Polygon");
  await canvas.moveTo({ x: 500, y: 400 });
  await page.keyboard.press("?");
  const overlay = page.getByRole("dialog", { name: "Editing shortcuts" });
  await expect(overlay).toBeVisible();
  await expect(overlay.getByRole("table", { name: "Tools shortcuts" }).getByRole("row").filter({ hasText: "Polygon" })).toContainText("P");
  await expect(overlay.getByRole("table", { name: "Polygon tool shortcuts" })).toContainText("Remove the last vertex");
  await expect(overlay.getByRole("table", { name: "Edit shortcuts" }).getByRole("row").filter({ hasText: "Redo" })).toContainText(/Shift\+Z|⇧⌘Z/);
  await expect(overlay.getByRole("table", { name: "Labels shortcuts" })).toContainText("1 – 9");
  // "1" is a label here, not the viewer's 100%.
  await expect(overlay.getByRole("table", { name: "View shortcuts" })).not.toContainText("100%");
  await shoot(page, "shortcuts-edit");
  await page.keyboard.press("Escape");
  await expect(overlay).toBeHidden();

  // Segmentation: its own tools and the brush's [ ] keys; no selection commands.
  await canvas.open("segmentannotation");
  await canvas.tool("Brush");
  await page.getByTestId("edit-shortcuts-button").click();
  await expect(overlay.getByRole("table", { name: "Brush tool shortcuts" })).toContainText("Larger brush");
  await expect(overlay.getByRole("table", { name: "Selection shortcuts" })).toHaveCount(0);
  await shoot(page, "shortcuts-edit-segmentation");
});

test("audit mode: one overlay with the review keys and the canvas's, also from the canvas's own ?", async ({ page }) => {
  await page.goto(`/audit?size=3#key=${LIVE_KEY}`);
  await expect(page.getByRole("heading", { name: "Quality assurance" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Approve/ }).locator("kbd")).toHaveText("A");
  const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await page.keyboard.press("?");
  await expect(overlay).toBeVisible();
  await expect(overlay.getByRole("table", { name: "Review shortcuts" })).toContainText("Approve");
  await expect(overlay.getByRole("table", { name: "Canvas shortcuts" })).toContainText("Fit the image");
  await shoot(page, "shortcuts-audit");
  await page.keyboard.press("Escape");
  await expect(overlay).toBeHidden();

  // With the pointer over the canvas its `?` opens the same overlay, and only that one.
  const stage = page.getByTestId("annotation-canvas");
  if ((await stage.count()) > 0) {
    const b = (await stage.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.keyboard.press("?");
    await expect(overlay).toBeVisible();
    await expect(page.getByRole("dialog", { name: "Canvas shortcuts" })).toHaveCount(0);
    await page.keyboard.press("Escape");
  }
});
