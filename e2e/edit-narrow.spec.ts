// The editor on a phone (390×844): the side panel (segmentation's labels, the attributes, the
// object count, the validation view) is a drawer opened from the toolbar, over the stage, and
// nothing is wider than the screen.
import { expect, test, type Page } from "@playwright/test";
import { EditCanvas } from "./helpers/editCanvas";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function widest(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const out: string[] = [];
    const scroller = document.scrollingElement;
    if (scroller && scroller.scrollWidth > scroller.clientWidth) out.push(`the page scrolls sideways (${scroller.scrollWidth})`);
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width > viewport + 0.5) out.push(`${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} is ${Math.round(r.width)} px wide`);
    }
    return out.slice(0, 10);
  });
}

test("the editing panel is a drawer from the toolbar, over the stage, and closes again", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("polygonannotation");
  const panel = page.getByTestId("edit-panel");
  const toggle = page.getByTestId("edit-panel-toggle");
  await expect(panel).toBeHidden();
  await expect(toggle).toBeVisible();
  expect(await widest(page)).toEqual([]);

  await canvas.root.scrollIntoViewIfNeeded();
  await toggle.click();
  await expect(panel).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(panel.getByTestId("validation")).toContainText("No problems");
  const box = (await panel.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(391);
  expect(await widest(page)).toEqual([]);
  await page.getByTestId("edit-panel-close").click();
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
});

test("segmentation's labels and brush size are reachable on a phone", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("segmentannotation");
  await page.getByTestId("edit-panel-toggle").click();
  const panel = page.getByTestId("edit-panel");
  await expect(panel.getByText("Paint with")).toBeVisible();
  await expect(panel.getByLabel("Brush size in pixels")).toBeVisible();
  await expect(panel.getByRole("button", { name: "New galaxy instance" })).toBeVisible();
  expect(await widest(page)).toEqual([]);
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/edit-phone-panel.png` });
});
