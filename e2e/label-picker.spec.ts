// The label picker with a mouse resting over its list: typing re-filters the list under a still
// pointer, and the browser then reports the pointer "entering" whichever row slid under it. Only
// real pointer movement may change the highlighted row; the typed best match must win.
import { expect, test } from "@playwright/test";
import { EditCanvas } from "./helpers/editCanvas";

test("typing picks the typed best match even with the mouse resting over the list", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("annotation");
  await canvas.tool("Box");
  await canvas.drawBox({ x: 300, y: 300 }, { x: 420, y: 400 });
  const dialog = page.getByTestId("label-request");
  await expect(dialog).toBeVisible();

  // The pointer comes to rest on "truck" in the unfiltered list.
  const resting = dialog.getByRole("option", { name: /^truck/ });
  const box = (await resting.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });

  // "i": bicycle and motorbike match by name, car and truck through "Vehicle"; bicycle is first.
  // The list re-filters (rows grow a breadcrumb) and another row slides under the still pointer.
  await page.keyboard.type("i");
  await expect(dialog.getByRole("option")).toHaveText([/^bicycle/, /^motorbike/, /^car/, /^truck/]);
  await page.waitForTimeout(300); // the browser's hover update after a layout change comes a frame or so later
  await expect(dialog.getByRole("option", { selected: true })).toHaveText(/^bicycle/);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await canvas.wire()).annotations[0]?.label).toBe("bicycle");
});

test("moving the mouse over a row still highlights it, and Enter picks it", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("annotation");
  await canvas.tool("Box");
  await canvas.drawBox({ x: 300, y: 300 }, { x: 420, y: 400 });
  const dialog = page.getByTestId("label-request");
  await page.keyboard.type("i");
  const truck = dialog.getByRole("option", { name: /^truck/ });
  const box = (await truck.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 4 });
  await expect(dialog.getByRole("option", { selected: true })).toHaveText(/^truck/);
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await canvas.wire()).annotations[0]?.label).toBe("truck");
});
