// The create form's widgets as a user drives them: the label tree (paste, keys, drag, rename),
// the server's messages for labels, the attributes editor with its conditions and the circular
// dependency it names, and the code tabs (copy, the key kept out unless asked).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_TEST_KEY } from "../playwright.config";

const AUTH = { Authorization: `Basic ${Buffer.from(`${E2E_TEST_KEY}:`).toString("base64")}` };

async function open(page: Page, type: string): Promise<void> {
  await page.goto(`/create/${type}#key=${E2E_TEST_KEY}`);
  await expect(page.getByRole("heading", { name: /^New task:/ })).toBeVisible();
}

const field = (page: Page, wire: string): Locator => page.locator(`[data-field="${wire}"]`);

class LabelTree {
  readonly tree: Locator;
  constructor(
    readonly page: Page,
    readonly root: Locator,
    wire: string,
  ) {
    this.tree = root.getByRole("tree", { name: `${wire} labels` });
  }

  item(name: string): Locator {
    return this.tree.getByRole("treeitem", { name: new RegExp(`^${name}(,|$)`) });
  }

  /** Each row as "  name" with two spaces per level, top to bottom. */
  async outline(): Promise<string[]> {
    return this.tree.getByRole("treeitem").evaluateAll((rows) =>
      rows.map((r) => `${"  ".repeat(Number(r.getAttribute("aria-level")) - 1)}${r.querySelector("span:not([aria-hidden])")?.textContent ?? ""}`),
    );
  }

  async paste(lines: string): Promise<void> {
    await this.root.getByRole("button", { name: /Paste a list/ }).click();
    await this.root.getByLabel(/Paste labels for/).fill(lines);
    await this.root.getByRole("button", { name: /^Add \d+ top-level label/ }).click();
  }

  async select(name: string): Promise<void> {
    await this.item(name).click();
    await expect(this.item(name)).toBeFocused();
  }
}

test("label tree: paste an indented list, reorder and nest by keys and by drag, rename in place", async ({ page, request }) => {
  await open(page, "annotation");
  await page.getByRole("textbox", { name: "Attachment attachment", exact: true }).fill(new URL("/sample-images/chelsea.png", page.url()).toString());
  const labels = new LabelTree(page, field(page, "objects_to_annotate"), "objects_to_annotate");
  await expect(field(page, "objects_to_annotate").getByText(/Alt\+↑ move up/)).toBeVisible();

  await labels.paste("Vehicle\n  Car\n  Truck\nPedestrian");
  expect(await labels.outline()).toEqual(["Vehicle", "  Car", "  Truck", "Pedestrian"]);

  // Keys: Alt+↑ moves among siblings with the subtree left in place.
  await labels.select("Pedestrian");
  await page.keyboard.press("Alt+ArrowUp");
  expect(await labels.outline()).toEqual(["Pedestrian", "Vehicle", "  Car", "  Truck"]);
  await expect(labels.item("Pedestrian")).toBeFocused();

  // Shift+Enter adds a label after the focused one and opens it for typing.
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.type("Bike");
  await page.keyboard.press("Enter");
  expect(await labels.outline()).toEqual(["Pedestrian", "Bike", "Vehicle", "  Car", "  Truck"]);

  // Alt+→ nests it under the label above; Alt+← would take it out again.
  await expect(labels.item("Bike")).toBeFocused();
  await page.keyboard.press("Alt+ArrowRight");
  expect(await labels.outline()).toEqual(["Pedestrian", "  Bike", "Vehicle", "  Car", "  Truck"]);

  // Enter renames in place; Escape would keep the old name.
  await labels.select("Car");
  await page.keyboard.press("Enter");
  const rename = field(page, "objects_to_annotate").getByRole("textbox", { name: "Label name (objects_to_annotate)" });
  await rename.fill("Sedan");
  await rename.press("Enter");
  expect(await labels.outline()).toEqual(["Pedestrian", "  Bike", "Vehicle", "  Sedan", "  Truck"]);

  // Drag Truck onto the middle of Pedestrian: it becomes Pedestrian's last sublabel.
  await labels.item("Truck").dragTo(labels.item("Pedestrian"));
  expect(await labels.outline()).toEqual(["Pedestrian", "  Bike", "  Truck", "Vehicle", "  Sedan"]);

  await page.getByRole("textbox", { name: /callback_url/ }).fill("https://example.com/cb");
  await expect(page.getByTestId("problem-count")).toHaveText("Ready to create");
  await page.getByRole("button", { name: "Create task" }).click();
  await page.waitForURL(/\/tasks\/[0-9a-f]{24}/);
  const id = /\/tasks\/([0-9a-f]{24})/.exec(page.url())![1];
  const task = (await (await request.get(`/v1/task/${id}`, { headers: AUTH })).json()) as { params: Record<string, unknown> };
  expect(task.params.objects_to_annotate).toEqual([
    { choice: "Pedestrian", subchoices: ["Bike", "Truck"] },
    { choice: "Vehicle", subchoices: ["Sedan"] },
  ]);
});

test("label tree: the server's messages for a repeated label and for too many objects, as they happen", async ({ page }) => {
  await open(page, "annotation");
  const root = field(page, "objects_to_annotate");
  const labels = new LabelTree(page, root, "objects_to_annotate");
  await labels.paste("car\ntruck\ncar");
  await expect(root.getByText('objects_to_annotate: label "car" appears twice')).toBeVisible();
  await expect(labels.item("car").first()).toHaveAttribute("aria-invalid", "true");
  await labels.select("truck");
  await page.keyboard.press("Delete");
  await labels.item("car").nth(1).click();
  await page.keyboard.press("Delete");
  await expect(root.getByText(/appears twice/)).toHaveCount(0);

  await labels.paste("a\nb\nc\nd\ne\nf");
  await expect(root.getByText("objects_to_annotate: you may include at most 6 objects")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create task" })).toBeDisabled();
  await labels.select("f");
  await page.keyboard.press("Delete");
  await expect(root.getByText(/at most 6 objects/)).toHaveCount(0);
});

test("segmentation labels are a flat list: no nesting keys, a pasted outline comes in flat", async ({ page }) => {
  await open(page, "segmentannotation");
  const root = field(page, "labels");
  const labels = new LabelTree(page, root, "labels");
  await expect(root.getByRole("button", { name: "Indent" })).toHaveCount(0);
  await labels.paste("road\n  lane marking\nsky");
  expect(await labels.outline()).toEqual(["road", "lane marking", "sky"]);
  await labels.select("sky");
  await page.keyboard.press("Alt+ArrowRight");
  expect(await labels.outline()).toEqual(["road", "lane marking", "sky"]);
});
