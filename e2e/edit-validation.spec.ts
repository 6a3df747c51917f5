// The validation view: the shared validator's findings listed beside the canvas, each zooming to
// (and selecting) its object. Kind-by-kind findings are unit-tested in src/canvas/edit/validation.test.ts.
import { expect, test } from "@playwright/test";
import { EditCanvas } from "./helpers/editCanvas";

test("a finding in the list zooms to its object and selects it", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("annotation");
  await canvas.tool("Box");
  // "person" has the required "occluded" attribute: a box without it is a finding.
  await canvas.drawBox({ x: 700, y: 600 }, { x: 760, y: 650 });
  await canvas.pickLabel("person");
  const validation = page.getByTestId("validation");
  await expect(validation).toContainText("1 problem");
  await canvas.moveTo({ x: 100, y: 100 });
  await page.keyboard.press("Escape"); // clear the selection
  const before = (await canvas.view()).scale;
  await validation.getByRole("button", { name: /#1 .*occluded/ }).click();
  await expect.poll(async () => (await canvas.view()).scale).toBeGreaterThan(before * 2);
  await expect(page.getByTestId("edit-panel")).toContainText("1 selected");
  // The box is in the middle of the stage now.
  const stage = (await canvas.stage.boundingBox())!;
  const centre = await canvas.screen({ x: 730, y: 625 });
  expect(Math.abs(centre.x - (stage.x + stage.width / 2))).toBeLessThan(5);
  expect(Math.abs(centre.y - (stage.y + stage.height / 2))).toBeLessThan(5);
});
