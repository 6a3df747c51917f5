// The create form's widgets as a user drives them: the label tree (paste, keys, drag, rename),
// the server's messages for labels, the attributes editor with its conditions and the circular
// dependency it names, and the code tabs (copy, the key kept out unless asked).
import { execFileSync } from "node:child_process";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { E2E_TEST_KEY } from "../playwright.config";

const AUTH = { Authorization: `Basic ${Buffer.from(`${E2E_TEST_KEY}:`).toString("base64")}` };

async function open(page: Page, type: string): Promise<void> {
  await page.goto(`/create/${type}#key=${E2E_TEST_KEY}`);
  await expect(page.getByRole("heading", { name: /^New task:/ })).toBeVisible();
}

const field = (page: Page, wire: string): Locator => page.locator(`[data-field="${wire}"]`);

async function createAndFetch(page: Page, request: APIRequestContext): Promise<Record<string, unknown> & { params: Record<string, unknown> }> {
  await expect(page.getByTestId("problem-count")).toHaveText("Ready to create");
  await page.getByRole("button", { name: "Create task" }).click();
  await page.waitForURL(/\/tasks\/[0-9a-f]{24}/);
  const id = /\/tasks\/([0-9a-f]{24})/.exec(page.url())![1];
  const res = await request.get(`/v1/task/${id}`, { headers: AUTH });
  expect(res.status()).toBe(200);
  return (await res.json()) as Record<string, unknown> & { params: Record<string, unknown> };
}

async function fillImageTask(page: Page, labels: string): Promise<void> {
  await page.getByRole("textbox", { name: "Attachment attachment", exact: true }).fill(new URL("/sample-images/chelsea.png", page.url()).toString());
  await new LabelTree(page, field(page, "objects_to_annotate"), "objects_to_annotate").paste(labels);
  await page.getByRole("textbox", { name: /callback_url/ }).fill("https://example.com/cb");
}

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

test("label tree: paste an indented list, reorder and nest by keys and by drag, rename in place", async ({ page, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, "annotation");
  await page.getByRole("textbox", { name: "Attachment attachment", exact: true }).fill(new URL("/sample-images/chelsea.png", page.url()).toString());
  const labels = new LabelTree(page, field(page, "objects_to_annotate"), "objects_to_annotate");
  await expect(field(page, "objects_to_annotate").getByText(/Alt\+↑\/↓ move/)).toBeVisible();

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

  // Ctrl+V on a label pastes a copied outline after it; Delete takes a label and its sublabels away.
  await page.evaluate(() => navigator.clipboard.writeText("Animal\n\tDog\n\tCat"));
  await labels.select("Vehicle");
  await page.keyboard.press("Control+V");
  expect(await labels.outline()).toEqual(["Pedestrian", "  Bike", "  Truck", "Vehicle", "  Sedan", "Animal", "  Dog", "  Cat"]);
  await expect(labels.item("Animal")).toBeFocused();
  await page.keyboard.press("Delete");
  expect(await labels.outline()).toEqual(["Pedestrian", "  Bike", "  Truck", "Vehicle", "  Sedan"]);

  // ← closes a group (its sublabels are hidden, not removed), → opens it again.
  await labels.select("Pedestrian");
  await page.keyboard.press("ArrowLeft");
  await expect(labels.item("Pedestrian")).toHaveAttribute("aria-expanded", "false");
  expect(await labels.outline()).toEqual(["Pedestrian", "Vehicle", "  Sedan"]);
  await page.keyboard.press("ArrowRight");
  await expect(labels.item("Pedestrian")).toHaveAttribute("aria-expanded", "true");
  expect(await labels.outline()).toEqual(["Pedestrian", "  Bike", "  Truck", "Vehicle", "  Sedan"]);

  await page.getByRole("textbox", { name: /callback_url/ }).fill("https://example.com/cb");
  const task = await createAndFetch(page, request);
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

test("attributes: a condition on another attribute, a circular one named as it is made, min/max checked", async ({ page, request }) => {
  await open(page, "annotation");
  await fillImageTask(page, "car\nbus");
  const attrs = field(page, "annotation_attributes");
  const card = (name: string) => attrs.getByRole("region", { name: `Attribute annotation_attributes.${name}` });

  async function addCategory(name: string, question: string, choices: string): Promise<Locator> {
    await attrs.getByRole("button", { name: "Add attribute", exact: true }).click();
    const fresh = attrs.getByRole("region").last();
    await fresh.getByLabel(/^Name/).fill(name);
    const c = card(name);
    await c.getByLabel(/Question for the labeler/).fill(question);
    await new LabelTree(page, c, `annotation_attributes.${name}.choices`).paste(choices);
    await c.getByRole("button", { name: /^Conditions/ }).click();
    return c;
  }

  const parked = await addCategory("parked", "Is it parked?", "yes\nno");
  await parked.getByRole("checkbox", { name: "car", exact: true }).check();
  const heading = await addCategory("heading", "Which way is it heading?", "left\nright");
  await heading.getByRole("button", { name: "Add attribute condition" }).click();
  await heading.getByRole("combobox", { name: /Attribute condition 1 of heading/ }).selectOption({ label: "parked" });
  await heading.getByRole("checkbox", { name: "no", exact: true }).check();

  // parked → heading would close a loop: the option says so, and picking it names the cycle at once.
  await parked.getByRole("button", { name: "Add attribute condition" }).click();
  const loop = parked.getByRole("combobox", { name: /Attribute condition 1 of parked/ });
  await expect(loop.locator("option", { hasText: "heading — would be circular: parked → heading → parked" })).toHaveCount(1);
  await loop.selectOption({ index: 1 });
  await parked.getByRole("checkbox", { name: "left", exact: true }).check();
  await expect(attrs.getByRole("alert")).toHaveText("annotation_attributes: circular attribute dependency: parked → heading → parked");
  await expect(page.getByRole("button", { name: "Create task" })).toBeDisabled();
  await parked.getByRole("button", { name: "Remove attribute condition 1" }).click();
  await expect(attrs.getByText(/circular/)).toHaveCount(0);

  // A number attribute: the server's words for a max that isn't a number.
  await attrs.getByRole("combobox", { name: "Type of the new attribute" }).selectOption("number");
  await attrs.getByRole("button", { name: "Add attribute", exact: true }).click();
  await attrs.getByRole("region").last().getByLabel(/^Name/).fill("occlusion");
  const occlusion = card("occlusion");
  await occlusion.getByLabel(/Question for the labeler/).fill("Percent occluded");
  await occlusion.getByLabel(/^Minimum/).fill("0");
  await occlusion.getByLabel(/^Maximum/).fill("lots");
  await expect(attrs.getByRole("alert")).toHaveText("annotation_attributes.occlusion.max: must be a number");
  await occlusion.getByLabel(/^Maximum/).fill("100");
  await expect(attrs.getByRole("alert")).toHaveCount(0);

  const task = await createAndFetch(page, request);
  expect(task.params.annotation_attributes).toEqual({
    parked: { type: "category", description: "Is it parked?", choices: ["yes", "no"], conditions: { label_condition: { label: "car" } } },
    heading: {
      type: "category",
      description: "Which way is it heading?",
      choices: ["left", "right"],
      conditions: { attribute_conditions: [{ parked: "no" }] },
    },
    occlusion: { type: "number", description: "Percent occluded", min: 0, max: 100 },
  });
});

test("code tabs: copy, the key only when asked, and the copied cURL creates the task the Create button does", async ({ page, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, "annotation");
  await fillImageTask(page, "Vehicle\n  car\n  bus\nperson");
  await page.getByRole("textbox", { name: /^Instruction instruction/ }).fill(`Box every "car" — don't skip the 🚗's`);
  await page.locator('[data-section="code"] > summary').click();
  const panel = page.getByRole("tabpanel");
  await expect(page.getByRole("tab", { name: "cURL" })).toHaveAttribute("aria-selected", "true");
  await expect(panel).toContainText(`-u "$SCALE_API_KEY:"`);
  await expect(panel).not.toContainText(E2E_TEST_KEY);

  await page.getByRole("checkbox", { name: "Include my API key" }).check();
  await expect(panel).toContainText(`-u '${E2E_TEST_KEY}:'`);
  await page.getByRole("button", { name: "Copy cURL" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toBe(await panel.textContent());

  // The tabs are a tablist: arrows move between languages.
  await page.getByRole("tab", { name: "cURL" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Python" })).toBeFocused();
  await expect(panel).toContainText("client.create_task(TaskType.Annotation, **payload)");

  const byCurl = JSON.parse(execFileSync("/bin/sh", ["-c", `${curl} --silent --show-error`], { encoding: "utf8" })) as Record<string, unknown>;
  expect(byCurl.task_id).toMatch(/^[0-9a-f]{24}$/);
  const byForm = await createAndFetch(page, request);
  const strip = ({ task_id: _i, created_at: _c, updated_at: _u, completed_at: _d, status: _s, response: _r, callback_succeeded: _cb, ...rest }: Record<string, unknown>) => rest;
  const stored = (await (await request.get(`/v1/task/${String(byCurl.task_id)}`, { headers: AUTH })).json()) as Record<string, unknown>;
  expect(strip(stored)).toEqual(strip(byForm));
});
