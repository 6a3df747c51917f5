// Visual task creation (/create/:type): one task of every type made through the generated form,
// fetched back through the API and compared with what was filled in; the server's own messages
// before submit; a server refusal that keeps the form; the draft across a reload; Create similar.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { E2E_TEST_KEY } from "../playwright.config";

const AUTH = { Authorization: `Basic ${Buffer.from(`${E2E_TEST_KEY}:`).toString("base64")}` };
const CALLBACK = "https://example.com/scale-callback";

async function open(page: Page, type: string, search = ""): Promise<void> {
  await page.goto(`/create/${type}${search}#key=${E2E_TEST_KEY}`);
  await expect(page.getByRole("heading", { name: /^New task:/ })).toBeVisible();
}

const field = (page: Page, wire: string): Locator => page.locator(`[data-field="${wire}"]`);
const image = (page: Page, name = "chelsea.png") => new URL(`/sample-images/${name}`, page.url()).toString();

async function fillAttachment(page: Page, url: string): Promise<void> {
  await page.getByRole("textbox", { name: "Attachment attachment", exact: true }).fill(url);
}

/** Adds labels through the label editor's "paste a list" (indent nests). */
async function pasteLabels(page: Page, wire: string, lines: string): Promise<void> {
  const f = field(page, wire);
  await f.getByRole("button", { name: /Paste a list/ }).click();
  await f.getByLabel(new RegExp(`Paste labels for ${wire}`)).fill(lines);
  await f.getByRole("button", { name: /^Add \d+ top-level label/ }).click();
}

async function fillCommon(page: Page, extra: { instruction?: string } = {}): Promise<void> {
  await page.getByRole("textbox", { name: /callback_url/ }).fill(CALLBACK);
  if (extra.instruction) await page.getByRole("textbox", { name: /^Instruction instruction/ }).fill(extra.instruction);
}

/** Creates through the footer's button and returns the new task as the API answers it. */
async function createAndFetch(page: Page, request: APIRequestContext): Promise<Record<string, unknown> & { params: Record<string, unknown> }> {
  await expect(page.getByTestId("problem-count")).toHaveText("Ready to create");
  const create = page.getByRole("button", { name: "Create task" });
  await expect(create).toBeEnabled();
  await create.click();
  await page.waitForURL(/\/tasks\/[0-9a-f]{24}/);
  const id = /\/tasks\/([0-9a-f]{24})/.exec(page.url())![1];
  const res = await request.get(`/v1/task/${id}`, { headers: AUTH });
  expect(res.status()).toBe(200);
  return (await res.json()) as Record<string, unknown> & { params: Record<string, unknown> };
}

/** The layers canvas inside the form: image pixels to screen points through its published view. */
async function layerPoint(page: Page, p: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const root = field(page, "layers").getByTestId("editable-canvas");
  const stage = root.getByTestId("annotation-canvas");
  await expect.poll(async () => Number(((await root.getAttribute("data-view")) ?? "0").split(",")[0])).toBeGreaterThan(0);
  const [scale, x, y] = ((await root.getAttribute("data-view")) ?? "0,0,0").split(",").map(Number);
  const b = (await stage.boundingBox())!;
  return { x: b.x + p.x * scale + x, y: b.y + p.y * scale + y };
}

test("/create lists the 11 types and each opens its form", async ({ page }) => {
  await page.goto(`/create#key=${E2E_TEST_KEY}`);
  const cards = page.getByRole("list", { name: "Task types" }).getByRole("link");
  await expect(cards).toHaveCount(11);
  await page.getByRole("link", { name: /Polygon annotation/ }).click();
  await expect(page).toHaveURL(/\/create\/polygonannotation/);
  await expect(page.getByRole("heading", { name: "New task: Polygon annotation" })).toBeVisible();
});

test("annotation: nested labels, a conditional attribute, a drawn layer box, metadata", async ({ page, request }) => {
  await open(page, "annotation");
  await fillAttachment(page, image(page));
  await expect(page.getByTestId("image-size")).toHaveText("451 × 300 px");
  await pasteLabels(page, "objects_to_annotate", "Vehicle\n  car\n  truck\nperson");
  await page.getByRole("checkbox", { name: /with_labels/ }).check();
  await page.getByRole("spinbutton", { name: /min_width/ }).fill("10");
  // A category attribute asked only for "car" (a label condition), through the attributes editor.
  const attrs = field(page, "annotation_attributes");
  await attrs.getByRole("button", { name: "Add attribute" }).click();
  const card = attrs.locator("section").first();
  await card.getByLabel(/^Name/).fill("parked");
  await card.getByLabel(/Question for the labeler/).fill("Is the car parked?");
  await card.getByRole("button", { name: /Paste a list/ }).click();
  await card.getByLabel(/Paste labels for/).fill("yes\nno");
  await card.getByRole("button", { name: /^Add \d+ top-level label/ }).click();
  await card.getByRole("button", { name: /^Conditions/ }).click();
  await card.getByRole("checkbox", { name: "car", exact: true }).check();
  await fillCommon(page, { instruction: "Draw a box around each **vehicle** and **person**." });
  await page.getByRole("combobox", { name: /urgency/ }).selectOption("express");
  const meta = field(page, "metadata");
  await meta.getByRole("button", { name: "Add metadata entry" }).click();
  await meta.getByRole("textbox", { name: "metadata key 1" }).fill("batch");
  await meta.getByRole("textbox", { name: "metadata value 1" }).fill("nov-30");

  // A layer box, drawn with the real mouse on the attachment, labelled "person".
  const layers = field(page, "layers");
  await expect(layers.getByTestId("editable-canvas")).toBeVisible();
  await layers.getByTestId("annotation-canvas").scrollIntoViewIfNeeded();
  await expect(layers.getByText("Loading image…")).toHaveCount(0);
  const a = await layerPoint(page, { x: 40, y: 40 });
  const b = await layerPoint(page, { x: 200, y: 160 });
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
  const picker = layers.getByTestId("label-request");
  await expect(picker).toBeVisible();
  await picker.getByRole("combobox").or(picker.getByRole("textbox")).first().fill("person");
  await page.keyboard.press("Enter");
  await expect(layers.getByTestId("layer-count")).toHaveText("1 layer objects");

  const task = await createAndFetch(page, request);
  expect(task.type).toBe("annotation");
  expect(task.urgency).toBe("express");
  expect(task.callback_url).toBe(CALLBACK);
  expect(task.metadata).toEqual({ batch: "nov-30" });
  expect(task.instruction).toBe("Draw a box around each **vehicle** and **person**.");
  expect(task.params.objects_to_annotate).toEqual([{ choice: "Vehicle", subchoices: ["car", "truck"] }, "person"]);
  expect(task.params.with_labels).toBe(true);
  expect(task.params.min_width).toBe(10);
  const parked = (task.params.annotation_attributes as Record<string, { type: string; description: string; choices: unknown; conditions?: { label_condition?: { label: unknown } } }>).parked;
  expect(parked).toMatchObject({ type: "category", description: "Is the car parked?", choices: ["yes", "no"] });
  expect([parked.conditions?.label_condition?.label].flat()).toEqual(["car"]);
  const boxes = (task.params.layers as { boxes: { left: number; top: number; width: number; height: number; label: string }[] }).boxes;
  expect(boxes).toHaveLength(1);
  expect(boxes[0].label).toBe("person");
  expect(boxes[0].left).toBeCloseTo(40, -1);
  expect(boxes[0].top).toBeCloseTo(40, -1);
  expect(boxes[0].width).toBeCloseTo(160, -1);
  expect(boxes[0].height).toBeCloseTo(120, -1);
});

test("pointannotation", async ({ page, request }) => {
  await open(page, "pointannotation");
  await fillAttachment(page, image(page));
  await pasteLabels(page, "objects_to_annotate", "headlight\nbrakelight");
  await fillCommon(page);
  const task = await createAndFetch(page, request);
  expect(task.params).toMatchObject({ attachment: image(page), attachment_type: "image", objects_to_annotate: ["headlight", "brakelight"], with_labels: false });
});

test("lineannotation with splines and a vertex range", async ({ page, request }) => {
  await open(page, "lineannotation");
  await fillAttachment(page, image(page, "rocket.jpg"));
  await pasteLabels(page, "objects_to_annotate", "solid line\ndashed line");
  await page.getByRole("checkbox", { name: /splines/ }).check();
  await page.getByRole("spinbutton", { name: /min_vertices/ }).fill("2");
  await page.getByRole("spinbutton", { name: /max_vertices/ }).fill("5");
  await fillCommon(page);
  const task = await createAndFetch(page, request);
  expect(task.params).toMatchObject({ objects_to_annotate: ["solid line", "dashed line"], splines: true, min_vertices: 2, max_vertices: 5 });
});

test("cuboidannotation with camera intrinsics and rotation", async ({ page, request }) => {
  await open(page, "cuboidannotation");
  await fillAttachment(page, image(page, "coffee.png"));
  await pasteLabels(page, "objects_to_annotate", "cup");
  await page.getByRole("checkbox", { name: /Give Camera intrinsics camera_intrinsics/ }).check();
  for (const [k, v] of [["fx", "1300"], ["fy", "1300"], ["cx", "300"], ["cy", "200"]]) {
    await page.getByRole("spinbutton", { name: new RegExp(`^camera_intrinsics\\.${k}`) }).fill(v);
  }
  await page.getByRole("checkbox", { name: /Give Camera rotation quaternion/ }).check();
  for (const [k, v] of [["w", "0.5"], ["x", "0.5"], ["y", "0.5"], ["z", "0.5"]]) {
    await page.getByRole("spinbutton", { name: new RegExp(`^camera_rotation_quaternion\\.${k}`) }).fill(v);
  }
  await page.getByRole("spinbutton", { name: /min_annotations/ }).fill("1");
  await fillCommon(page);
  const task = await createAndFetch(page, request);
  expect(task.params).toMatchObject({
    objects_to_annotate: ["cup"],
    camera_intrinsics: { fx: 1300, fy: 1300, cx: 300, cy: 200, scalefactor: 1, skew: 0 },
    camera_rotation_quaternion: { w: 0.5, x: 0.5, y: 0.5, z: 0.5 },
    min_annotations: 1,
  });
});

test("polygonannotation", async ({ page, request }) => {
  await open(page, "polygonannotation");
  await fillAttachment(page, image(page, "horse.png"));
  await pasteLabels(page, "objects_to_annotate", "horse");
  await page.getByRole("spinbutton", { name: /max_vertices/ }).fill("12");
  await fillCommon(page);
  const task = await createAndFetch(page, request);
  expect(task.params).toMatchObject({ objects_to_annotate: ["horse"], max_vertices: 12, min_vertices: 1 });
});

test("segmentannotation with instance labels", async ({ page, request }) => {
  await open(page, "segmentannotation");
  await fillAttachment(page, image(page, "astronaut.png"));
  await pasteLabels(page, "labels", "background\nsuit");
  await pasteLabels(page, "instance_labels", "person");
  await page.getByRole("checkbox", { name: /allow_unlabeled/ }).check();
  await fillCommon(page);
  const task = await createAndFetch(page, request);
  expect(task.params).toMatchObject({ labels: ["background", "suit"], instance_labels: ["person"], allow_unlabeled: true });
});

test("categorization", async ({ page, request }) => {
  await open(page, "categorization");
  await page.getByRole("combobox", { name: /attachment_type/ }).selectOption("image");
  await fillAttachment(page, image(page, "coffee.png"));
  await pasteLabels(page, "categories", "beverage\nfood");
  await page.getByRole("checkbox", { name: /allow_multiple/ }).check();
  await fillCommon(page, { instruction: "Is this a beverage or food?" });
  await expect(page.getByTestId("labeler-preview").getByRole("radio").or(page.getByTestId("labeler-preview").getByRole("checkbox"))).toHaveCount(2);
  const task = await createAndFetch(page, request);
  expect(task.instruction).toBe("Is this a beverage or food?");
  expect(task.params).toMatchObject({ attachment_type: "image", categories: ["beverage", "food"], allow_multiple: true });
});

test("comparison of two text attachments", async ({ page, request }) => {
  await open(page, "comparison");
  await page.getByRole("combobox", { name: /attachment_type/ }).selectOption("text");
  await page.getByRole("textbox", { name: "Attachment 1 attachments[0]" }).fill("The quick brown fox");
  await page.getByRole("textbox", { name: "Attachment 2 attachments[1]" }).fill("A fast brown fox");
  await pasteLabels(page, "choices", "same meaning\ndifferent meaning");
  await fillCommon(page, { instruction: "Do these say the same thing?" });
  const task = await createAndFetch(page, request);
  expect(task.params).toMatchObject({ attachment_type: "text", attachments: ["The quick brown fox", "A fast brown fox"], choices: ["same meaning", "different meaning"] });
});

test("transcription with fields and repeatable fields", async ({ page, request }) => {
  await open(page, "transcription");
  await page.getByRole("combobox", { name: /attachment_type/ }).selectOption("image");
  await fillAttachment(page, image(page, "camera.png"));
  const fields = field(page, "fields");
  await fields.getByRole("textbox", { name: "fields key 1" }).fill("title");
  await fields.getByRole("textbox", { name: "fields value 1" }).fill("Title of the photo");
  const rf = field(page, "repeatable_fields");
  await rf.getByRole("textbox", { name: "repeatable_fields key 1" }).fill("item");
  await rf.getByRole("textbox", { name: "repeatable_fields.item.description" }).fill("Item name");
  await rf.getByRole("textbox", { name: "repeatable_fields.item.choices" }).fill("tripod\ncamera");
  await fillCommon(page, { instruction: "Transcribe the photo's title and list what is in it." });
  const task = await createAndFetch(page, request);
  expect(task.params).toMatchObject({
    attachment_type: "image",
    fields: { title: "Title of the photo" },
    repeatable_fields: { item: { description: "Item name", choices: ["tripod", "camera"] } },
  });
});

test("audiotranscription", async ({ page, request }) => {
  await open(page, "audiotranscription");
  await fillAttachment(page, "https://example.com/interview.mp3");
  await page.getByRole("checkbox", { name: /verbatim/ }).check();
  await page.getByRole("textbox", { name: /phrases/ }).fill("Scale\nKonva");
  await fillCommon(page);
  const task = await createAndFetch(page, request);
  expect(task.params).toMatchObject({ attachment_type: "audio", attachment: "https://example.com/interview.mp3", verbatim: true, phrases: ["Scale", "Konva"] });
});

test("datacollection", async ({ page, request }) => {
  await open(page, "datacollection");
  await fillAttachment(page, "https://example.com/");
  const fields = field(page, "fields");
  await fields.getByRole("textbox", { name: "fields key 1" }).fill("email");
  await fields.getByRole("textbox", { name: "fields value 1" }).fill("The contact e-mail address");
  await fillCommon(page);
  const task = await createAndFetch(page, request);
  expect(task.params).toMatchObject({ attachment_type: "website", attachment: "https://example.com/", fields: { email: "The contact e-mail address" } });
});

test("the server's messages show before submit and Create stays disabled", async ({ page }) => {
  await open(page, "annotation");
  const create = page.getByRole("button", { name: "Create task" });
  await fillAttachment(page, "not a url");
  await expect(field(page, "attachment")).toContainText("attachment: must be an http or https URL");
  await expect(create).toBeDisabled();
  await fillAttachment(page, image(page));
  await pasteLabels(page, "objects_to_annotate", "a\nb\nc\nd\ne\nf\ng");
  await expect(field(page, "objects_to_annotate")).toContainText("objects_to_annotate: you may include at most 6 objects");
  await expect(create).toBeDisabled();

  // A rule across fields (min against max) is checked once the fields themselves pass, as on the server.
  await open(page, "lineannotation");
  await fillAttachment(page, image(page));
  await pasteLabels(page, "objects_to_annotate", "lane");
  await page.getByRole("spinbutton", { name: /min_vertices/ }).fill("5");
  await page.getByRole("spinbutton", { name: /max_vertices/ }).fill("2");
  await expect(field(page, "max_vertices")).toContainText("max_vertices: must be at least min_vertices");
  await page.getByRole("textbox", { name: /callback_url/ }).fill("ftp://nope");
  await expect(field(page, "callback_url")).toContainText("callback_url: must be an http or https URL or an e-mail address");
  await expect(page.getByRole("button", { name: "Create task" })).toBeDisabled();
});

test("a server refusal is shown and nothing is lost; the draft survives a reload", async ({ page }) => {
  await open(page, "pointannotation");
  await fillAttachment(page, image(page));
  await pasteLabels(page, "objects_to_annotate", "eye");
  await fillCommon(page);
  const uid = `create-e2e-${Date.now()}`;
  await page.getByRole("textbox", { name: /unique_id/ }).fill(uid);
  // The first create takes the unique_id; the second (same form, opened again) is refused by the server.
  await page.getByRole("button", { name: "Create task" }).click();
  await page.waitForURL(/\/tasks\/[0-9a-f]{24}/);
  await open(page, "pointannotation");
  await fillAttachment(page, image(page));
  await pasteLabels(page, "objects_to_annotate", "eye");
  await fillCommon(page);
  await page.getByRole("textbox", { name: /unique_id/ }).fill(uid);
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(page.getByTestId("server-error")).toContainText(`unique_id: "${uid}" was already used by task`);
  await expect(page.getByRole("textbox", { name: /unique_id/ })).toHaveValue(uid);
  await page.reload();
  await expect(page.getByRole("textbox", { name: /unique_id/ })).toHaveValue(uid);
  await expect(page.getByRole("textbox", { name: "Attachment attachment", exact: true })).toHaveValue(image(page));
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Reset form" }).click();
  await expect(page.getByRole("textbox", { name: /unique_id/ })).toHaveValue("");
});

test("Create similar fills the form from a task", async ({ page, request }) => {
  await open(page, "lineannotation");
  await fillAttachment(page, image(page, "rocket.jpg"));
  await pasteLabels(page, "objects_to_annotate", "wire");
  await page.getByRole("spinbutton", { name: /max_vertices/ }).fill("4");
  await fillCommon(page, { instruction: "Trace the wires." });
  const task = await createAndFetch(page, request);
  await page.getByRole("link", { name: "Create similar" }).click();
  await expect(page).toHaveURL(/\/create\/lineannotation/);
  await expect(page.getByRole("status").filter({ hasText: `Filled from task ${String(task.task_id)}` })).toBeVisible();
  await expect(page.getByRole("spinbutton", { name: /max_vertices/ })).toHaveValue("4");
  await expect(page.getByRole("textbox", { name: /^Instruction instruction/ })).toHaveValue("Trace the wires.");
  await expect(page.getByTestId("problem-count")).toHaveText("Ready to create");
});

test("layers from a finished box task, layers pasted as JSON (checked), an uploaded attachment", async ({ page }) => {
  const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";
  const live = { Authorization: `Basic ${Buffer.from(`${LIVE_KEY}:`).toString("base64")}` };
  await page.goto(`/create/polygonannotation#key=${LIVE_KEY}`);
  await expect(page.getByRole("heading", { name: /^New task:/ })).toBeVisible();
  const found = (await (await page.request.get("/v1/tasks?status=completed&type=annotation&limit=1", { headers: live })).json()) as { docs: { task_id: string; response: { annotations: unknown[] } }[] };
  expect(found.docs.length, "a completed annotation task in the demo data").toBeGreaterThan(0);
  const source = found.docs[0];

  // Upload: the picked file goes through POST /v1/files and its URL becomes the attachment.
  await page.getByLabel("Upload a file as Attachment attachment").setInputFiles("public/sample-images/chelsea.png");
  await expect(page.getByRole("textbox", { name: "Attachment attachment", exact: true })).toHaveValue(/\/files\//);
  await expect(page.getByTestId("image-size")).toHaveText("451 × 300 px");
  await pasteLabels(page, "objects_to_annotate", "cat");

  const layers = field(page, "layers");
  await layers.getByLabel("Task id whose response becomes layers").fill(source.task_id);
  await layers.getByRole("button", { name: "Take its response as layers" }).click();
  const n = source.response.annotations.length;
  await expect(layers.getByRole("status")).toHaveText(`Added ${n} boxes from task ${source.task_id}.`);
  await expect(layers.getByTestId("layer-count")).toHaveText(`${n} layer objects`);

  await layers.getByRole("button", { name: "Paste layers as JSON…" }).click();
  await layers.getByLabel(/Layers JSON/).fill(JSON.stringify({ boxes: [{ left: 1, top: 2, width: -5, height: 3 }] }));
  await layers.getByRole("button", { name: "Use these layers" }).click();
  await expect(layers.getByTestId("layers-json-error")).toHaveText("layers.boxes[0].width: width must be at least 0");
  await layers.getByLabel(/Layers JSON/).fill(JSON.stringify({ polygons: [{ vertices: [{ x: 10, y: 10 }, { x: 80, y: 10 }, { x: 40, y: 70 }], label: "cat" }] }));
  await layers.getByRole("button", { name: "Use these layers" }).click();
  await expect(layers.getByTestId("layer-count")).toHaveText("1 layer objects");
  await expect(layers.getByRole("radio", { name: /Polygons \(1\)/ })).toBeVisible();
});

test("New task on a project's page: the project is chosen and its instruction shown as appended", async ({ page, request }) => {
  const name = `create-e2e-${Date.now()}`;
  const made = await request.post("/v1/projects", { headers: AUTH, data: { type: "categorization", name, params: { instruction: "Project rule: **be strict**.", categories: ["cat", "dog"] } } });
  expect(made.status()).toBe(200);
  await page.goto(`/projects/${name}#key=${E2E_TEST_KEY}`);
  await page.getByRole("link", { name: "New task" }).click();
  await expect(page).toHaveURL(/\/create\/categorization/);
  await expect(page.getByRole("combobox", { name: /^Project project/ })).toHaveValue(name);
  const inherited = page.getByTestId("inherited-instruction");
  await expect(inherited).toContainText(`Appended from project ${name}`);
  await expect(inherited).toContainText("Project rule: be strict.");
  // The project's instruction counts: categorization's required instruction is satisfied by it.
  await expect(field(page, "instruction").getByText("instruction: is required for categorization tasks")).toHaveCount(0);
  await expect(page.getByTestId("labeler-preview")).toContainText("Project rule: be strict.");
  // The project is a template: categories come from it, shown as such, and the task inherits them.
  await expect(page.getByTestId("inherited-categories")).toContainText('["cat","dog"]');
  await page.getByRole("combobox", { name: /attachment_type/ }).selectOption("image");
  await fillAttachment(page, image(page));
  await fillCommon(page);
  const task = await createAndFetch(page, request);
  expect(task.project).toBe(name);
  expect(task.instruction).toBe("Project rule: **be strict**.");
  expect(task.params.categories).toEqual(["cat", "dog"]);
});
