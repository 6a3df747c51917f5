// The workbench completes one pending live task of every type through the UI: boxes, points,
// lines, polygons and cuboids drawn with the mouse, a mask painted with the brush, choices
// picked with the number keys, fields and rows typed. Each is submitted, then read back through
// the API (completed, with the response the server validated), and a local receiver must have
// got each callback with the scale-callback-auth header the docs describe.
import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { EditCanvas, type Pt } from "./helpers/editCanvas";
import { createPendingTask, LIVE_AUTH, openWorkTask, readyCanvas } from "./helpers/workTasks";

interface Callback {
  auth: string | undefined;
  body: { task_id: string; status: string; response: Record<string, unknown> };
}

/** A callback_url on this machine that records every POST it gets. */
class CallbackReceiver {
  readonly calls: Callback[] = [];
  private server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c.toString("utf8")));
    req.on("end", () => {
      try {
        this.calls.push({ auth: req.headers["scale-callback-auth"] as string | undefined, body: JSON.parse(text) });
      } catch {
        // Not JSON: recorded as nothing; the test then misses its callback and says so.
      }
      res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    });
  });
  url = "";

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/scale-callback`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  for(taskId: string): Callback | undefined {
    return this.calls.find((c) => c.body.task_id === taskId);
  }
}

const receiver = new CallbackReceiver();
let callbackKey = "";
let origin = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request, baseURL }) => {
  await receiver.start();
  origin = baseURL ?? "";
  const account = await request.get("/v1/account", { headers: LIVE_AUTH });
  expect(account.ok()).toBe(true);
  callbackKey = ((await account.json()) as { callback_auth_key: string }).callback_auth_key;
  expect(callbackKey).not.toBe("");
});

test.afterAll(async () => {
  await receiver.stop();
});

/** A pending live task whose callback goes to this spec's receiver. */
const createTask = (request: APIRequestContext, type: string, params: Record<string, unknown>) =>
  createPendingTask(request, type, { callback_url: receiver.url, ...params });

/** Submit, then the API says completed: the response the server validated and stored. */
async function submitAndRead(page: Page, request: APIRequestContext, taskId: string): Promise<Record<string, unknown>> {
  const submit = page.getByTestId("submit");
  await expect(submit).toBeEnabled();
  await submit.click();
  let task: { status: string; response?: Record<string, unknown> } = { status: "pending" };
  await expect
    .poll(async () => {
      task = (await (await request.get(`/v1/task/${taskId}`, { headers: LIVE_AUTH })).json()) as typeof task;
      return task.status;
    })
    .toBe("completed");
  // The callback, with the account's callback auth key.
  await expect.poll(() => receiver.for(taskId)?.body.status ?? null, { timeout: 15_000 }).toBe("completed");
  const callback = receiver.for(taskId)!;
  expect(callback.auth).toBe(callbackKey);
  expect(callback.body.response).toEqual(task.response);
  return task.response ?? {};
}

const near = (actual: unknown, expected: number) => expect(Math.abs(Number(actual) - expected)).toBeLessThanOrEqual(1);

const image = (name: string) => `${origin}/sample-images/${name}`;

test.describe("every task type through the workbench", () => {
  test("annotation: a box drawn with the mouse", async ({ page, request }) => {
    const id = await createTask(request, "annotation", {
      attachment: image("chelsea.png"),
      objects_to_annotate: [{ choice: "animal", subchoices: ["cat", "dog"] }, "furniture"],
      with_labels: true,
      min_width: 10,
      min_height: 10,
    });
    await openWorkTask(page, id);
    const canvas = await readyCanvas(page);
    await canvas.drawBox({ x: 100, y: 60 }, { x: 260, y: 200 });
    await canvas.pickLabel("cat");
    const response = await submitAndRead(page, request, id);
    const [box] = response.annotations as Record<string, number | string>[];
    expect(box.label).toBe("cat");
    near(box.left, 100);
    near(box.top, 60);
    near(box.width, 160);
    near(box.height, 140);
  });

  test("pointannotation: points clicked", async ({ page, request }) => {
    const id = await createTask(request, "pointannotation", { attachment: image("chelsea.png"), objects_to_annotate: ["eye", "nose"], with_labels: true });
    await openWorkTask(page, id);
    const canvas = await readyCanvas(page);
    await page.keyboard.press("1"); // the current label: the first leaf
    await canvas.click({ x: 150, y: 120 });
    await canvas.click({ x: 220, y: 125 });
    const response = await submitAndRead(page, request, id);
    const points = response.annotations as Record<string, number | string>[];
    expect(points).toHaveLength(2);
    expect(points.map((p) => p.label)).toEqual(["eye", "eye"]);
    near(points[0].x, 150);
    near(points[1].y, 125);
  });

  test("lineannotation: a line of three vertices", async ({ page, request }) => {
    const id = await createTask(request, "lineannotation", { attachment: image("coffee.png"), objects_to_annotate: ["edge"], with_labels: true });
    await openWorkTask(page, id);
    const canvas = await readyCanvas(page);
    await page.keyboard.press("1");
    await canvas.drawPolyline([{ x: 50, y: 50 }, { x: 200, y: 120 }, { x: 350, y: 60 }], "enter");
    const response = await submitAndRead(page, request, id);
    const [line] = response.annotations as { label: string; vertices: Pt[] }[];
    expect(line.label).toBe("edge");
    expect(line.vertices).toHaveLength(3);
    near(line.vertices[1].x, 200);
    near(line.vertices[1].y, 120);
  });

  test("polygonannotation: a polygon closed on its first vertex", async ({ page, request }) => {
    const id = await createTask(request, "polygonannotation", { attachment: image("coffee.png"), objects_to_annotate: ["cup"], with_labels: true, min_vertices: 4 });
    await openWorkTask(page, id);
    const canvas = await readyCanvas(page);
    await page.keyboard.press("1");
    await canvas.drawPolyline([{ x: 100, y: 100 }, { x: 300, y: 100 }, { x: 320, y: 300 }, { x: 90, y: 280 }], "first-vertex");
    const response = await submitAndRead(page, request, id);
    const [polygon] = response.annotations as { label: string; vertices: Pt[] }[];
    expect(polygon.vertices).toHaveLength(4);
    near(polygon.vertices[2].x, 320);
    near(polygon.vertices[2].y, 300);
  });

  test("cuboidannotation: a cuboid's face and depth", async ({ page, request }) => {
    const id = await createTask(request, "cuboidannotation", { attachment: image("rocket.jpg"), objects_to_annotate: ["crate"], with_labels: true });
    await openWorkTask(page, id);
    const canvas = await readyCanvas(page);
    await page.keyboard.press("1");
    await canvas.drawCuboid({ x: 100, y: 100 }, { x: 250, y: 250 }, { x: 320, y: 200 });
    const response = await submitAndRead(page, request, id);
    const [cuboid] = response.annotations as { label: string; vertices: (Pt & { description: string })[]; edges: unknown[] }[];
    expect(cuboid.label).toBe("crate");
    const topLeft = cuboid.vertices.find((v) => v.description === "face-topleft")!;
    near(topLeft.x, 100);
    near(topLeft.y, 100);
    expect(cuboid.vertices.some((v) => v.description === "side-topcorner")).toBe(true);
    expect(cuboid.edges.length).toBeGreaterThan(0);
  });

  test("segmentannotation: a brush stroke, then the rest filled; the masks are hosted and their pixels match", async ({ page, request }) => {
    const id = await createTask(request, "segmentannotation", { attachment: image("horse.png"), labels: ["horse", "background"], allow_unlabeled: false });
    await openWorkTask(page, id);
    const canvas = await readyCanvas(page);
    await page.keyboard.press("1"); // horse
    await canvas.tool("Brush");
    await canvas.brushSize(20);
    await canvas.drag({ x: 100, y: 150 }, { x: 300, y: 150 });
    // Everything else is background: fill every unlabeled pixel at once.
    await page.keyboard.press("2");
    await canvas.tool("Fill unlabeled");
    await canvas.click({ x: 20, y: 20 }, ["Shift"]);
    await expect(page.getByTestId("mask-save-state")).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
    const response = (await submitAndRead(page, request, id)) as {
      annotations: { combined: { indexedImage: string } };
      labelMapping: Record<string, { index: number }>;
    };
    const png = PNG.sync.read(await (await request.get(response.annotations.combined.indexedImage)).body());
    expect([png.width, png.height]).toEqual([400, 328]);
    const at = (p: Pt) => png.data[4 * (p.y * png.width + p.x)];
    expect(at({ x: 200, y: 150 })).toBe(response.labelMapping.horse.index);
    expect(at({ x: 20, y: 20 })).toBe(response.labelMapping.background.index);
  });

  test("categorization: several categories picked with the number keys", async ({ page, request }) => {
    const id = await createTask(request, "categorization", {
      attachment_type: "image",
      attachment: image("horse.png"),
      categories: ["horse", "cat", "dog"],
      category_ids: { h: "horse", c: "cat", d: "dog" },
      allow_multiple: true,
    });
    await openWorkTask(page, id);
    await page.keyboard.press("1");
    await page.keyboard.press("3");
    await expect(page.getByRole("checkbox", { name: "horse" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "dog" })).toBeChecked();
    const response = await submitAndRead(page, request, id);
    expect(response).toEqual({ category: ["horse", "dog"], category_id: ["h", "d"] });
  });

  test("comparison: a choice and a field, the attachments side by side", async ({ page, request }) => {
    const id = await createTask(request, "comparison", {
      attachment_type: "image",
      attachments: [image("coffee.png"), image("rocket.jpg")],
      choices: ["first", "second"],
      fields: { why: "Why that one?" },
    });
    await openWorkTask(page, id);
    await expect(page.getByRole("img", { name: "Task attachment" })).toHaveCount(2);
    await page.keyboard.press("2");
    await page.getByLabel(/Why that one\?/).fill("sharper");
    const response = await submitAndRead(page, request, id);
    expect(response).toEqual({ choice: "second", fields: { why: "sharper" } });
  });

  test("transcription: fields and repeatable rows added, filled and removed", async ({ page, request }) => {
    const id = await createTask(request, "transcription", {
      attachment_type: "image",
      attachment: image("coffee.png"),
      fields: { title: "Title" },
      repeatable_fields: { item: "Item", kind: { description: "Kind", choices: ["drink", "food"] } },
    });
    await openWorkTask(page, id);
    await page.getByLabel(/^Title/).fill("Breakfast");
    const add = page.getByRole("button", { name: "+ Add item" });
    await add.click();
    await page.keyboard.type("coffee"); // the new row's first field has the focus
    await page.getByRole("group", { name: "Item 1" }).getByRole("combobox", { name: "Kind" }).selectOption("drink");
    // Enter in the last row's text field starts the next row, focused.
    await page.getByRole("group", { name: "Item 1" }).getByRole("textbox", { name: "Item" }).press("Enter");
    await expect(page.getByRole("group", { name: "Item 2" }).getByRole("textbox", { name: "Item" })).toBeFocused();
    await page.keyboard.type("spill");
    await add.click();
    await page.getByRole("group", { name: "Item 3" }).getByRole("textbox", { name: "Item" }).fill("croissant");
    await page.getByRole("group", { name: "Item 3" }).getByRole("combobox", { name: "Kind" }).selectOption("food");
    await page.getByRole("button", { name: "Remove item 2" }).click();
    await expect(page.getByTestId("repeatable-row")).toHaveCount(2);
    const response = await submitAndRead(page, request, id);
    expect(response).toEqual({
      fields: { title: "Breakfast" },
      repeatable_fields: [
        { item: "coffee", kind: "drink" },
        { item: "croissant", kind: "food" },
      ],
    });
  });

  test("audiotranscription: the player's keys and the transcript", async ({ page, request }) => {
    const id = await createTask(request, "audiotranscription", {
      attachment: `${origin}/files/sample-images/tones.wav`,
      verbatim: true,
      phrases: ["[tone]", "[silence]"],
    });
    await openWorkTask(page, id);
    await expect(page.getByTestId("verbatim")).toBeVisible();
    await expect(page.getByRole("list", { name: "Phrases" })).toContainText("[silence]");
    const speed = page.getByLabel("Playback speed");
    await page.locator("body").press("Period");
    await expect(speed).toHaveValue("1.25");
    await page.getByLabel("Transcript").fill("[tone] [silence] [tone]");
    await page.getByLabel("Transcript").press("Alt+Comma");
    await expect(speed).toHaveValue("1");
    const response = await submitAndRead(page, request, id);
    expect(response.transcript).toBe("[tone] [silence] [tone]");
    expect(Number(response.duration)).toBeGreaterThan(0);
  });

  test("datacollection: the website beside its fields", async ({ page, request }) => {
    const id = await createTask(request, "datacollection", {
      attachment: `${origin}/files/sample-images/bakery.html`,
      fields: { hours: "Opening hours", phone: "Phone number" },
    });
    await openWorkTask(page, id);
    await expect(page.getByTitle("Website attachment")).toBeVisible();
    await page.getByLabel(/^Opening hours/).fill("7–18");
    await page.getByLabel(/^Phone number/).fill("555-0100");
    const response = await submitAndRead(page, request, id);
    expect(response).toEqual({ fields: { hours: "7–18", phone: "555-0100" } });
  });
});

test.describe("Submit checks first, with the server's rules, and shows each finding where it belongs", () => {
  test("a box missing a required attribute: listed, zoomed to, nothing sent until it is answered", async ({ page, request }) => {
    const id = await createTask(request, "annotation", {
      attachment: image("chelsea.png"),
      objects_to_annotate: ["cat", "dog"],
      with_labels: true,
      annotation_attributes: { occluded: { type: "category", description: "Occluded?", choices: ["yes", "no"] } },
    });
    await openWorkTask(page, id);
    const canvas = await readyCanvas(page);
    await canvas.drawBox({ x: 200, y: 120 }, { x: 260, y: 170 });
    await canvas.pickLabel("cat");
    await canvas.root.getByRole("button", { name: /^Fit/ }).click();
    const fitted = (await canvas.view()).scale;

    await page.getByTestId("submit").click();
    await expect(page.getByTestId("work-issues")).toContainText("occluded");
    // The canvas zoomed to the box the finding names.
    await expect.poll(async () => (await canvas.view()).scale).toBeGreaterThan(fitted * 1.5);
    // Nothing was sent: the task is still pending.
    const pending = (await (await request.get(`/v1/task/${id}`, { headers: LIVE_AUTH })).json()) as { status: string };
    expect(pending.status).toBe("pending");

    // The zoom selected the box: its attributes panel answers the finding.
    await page.getByRole("region", { name: "Attributes" }).getByRole("radio", { name: "no" }).click();
    const response = await submitAndRead(page, request, id);
    expect((response.annotations as { attributes: unknown }[])[0].attributes).toEqual({ occluded: "no" });
  });

  test("a transcription row with no choice: the error is on its select, which takes the focus", async ({ page, request }) => {
    const id = await createTask(request, "transcription", {
      attachment_type: "text",
      attachment: "Tea 2.50, Scone 3.00",
      repeatable_fields: { item: "Item", kind: { description: "Kind", choices: ["drink", "food"] } },
    });
    await openWorkTask(page, id);
    await page.getByRole("button", { name: "+ Add item" }).click();
    await page.keyboard.type("Tea");
    await page.getByTestId("submit").click();
    const kind = page.getByRole("group", { name: "Item 1" }).getByRole("combobox", { name: "Kind" });
    await expect(kind).toHaveAttribute("aria-invalid", "true");
    await expect(kind).toBeFocused();
    await expect(page.getByRole("group", { name: "Item 1" }).getByTestId("field-issues")).toHaveText("Choose one.");
    await kind.selectOption("drink");
    await expect(kind).not.toHaveAttribute("aria-invalid", "true");
    const response = await submitAndRead(page, request, id);
    expect(response).toEqual({ repeatable_fields: [{ item: "Tea", kind: "drink" }] });
  });
});

test("segmentation: the painted mask is kept as a draft of hosted masks, reloads into the editor, and submits", async ({ page, request }) => {
  const id = await createTask(request, "segmentannotation", { attachment: image("horse.png"), labels: ["horse"], allow_unlabeled: true });
  await openWorkTask(page, id);
  let canvas = await readyCanvas(page);
  await canvas.tool("Brush");
  await canvas.brushSize(30);
  await canvas.drag({ x: 100, y: 150 }, { x: 300, y: 150 });
  await expect(page.getByTestId("mask-save-state")).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
  await expect(page.getByTestId("save-status")).toContainText("Saved", { timeout: 20_000 });

  await page.reload();
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  canvas = await readyCanvas(page);
  // The decoded draft: the stroke's pixels are labelled again (all 131,200 were unlabeled before it).
  const unlabeled = async () => Number(/([\d,]+) of 131,200/.exec((await page.getByRole("region", { name: "Segmentation" }).textContent()) ?? "")?.[1].replace(/,/g, "") ?? NaN);
  await expect.poll(unlabeled, { timeout: 15_000 }).toBeLessThan(131_200 - 5_000);

  // Submitting the restored draft as it is: the stroke is in the completed answer.
  const response = (await submitAndRead(page, request, id)) as { annotations: { combined: { indexedImage: string } }; labelMapping: Record<string, { index: number }> };
  const png = PNG.sync.read(await (await request.get(response.annotations.combined.indexedImage)).body());
  expect(png.data[4 * (150 * png.width + 200)]).toBe(response.labelMapping.horse.index);
  expect(png.data[4 * (20 * png.width + 20)]).toBe(0);
});

test("segmentation offline: strokes wait for their upload, Submit refuses until they are up, and they arrive when back online", async ({ page, request }) => {
  const id = await createTask(request, "segmentannotation", { attachment: image("horse.png"), labels: ["horse"], allow_unlabeled: true });
  await openWorkTask(page, id);
  const canvas = await readyCanvas(page);
  await canvas.tool("Brush");
  await canvas.brushSize(20);
  const state = page.getByTestId("mask-save-state");
  await canvas.drag({ x: 100, y: 100 }, { x: 300, y: 100 });
  await expect(state).toHaveAttribute("data-state", "saved", { timeout: 20_000 });

  await page.context().setOffline(true);
  await canvas.drag({ x: 100, y: 250 }, { x: 300, y: 250 });
  await expect(state).toHaveAttribute("data-state", "error", { timeout: 20_000 });
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("work-issues")).toContainText("still being uploaded");
  await page.context().setOffline(false);
  // Retried without another stroke.
  await expect(state).toHaveAttribute("data-state", "saved", { timeout: 20_000 });

  const response = (await submitAndRead(page, request, id)) as { annotations: { combined: { indexedImage: string } }; labelMapping: Record<string, { index: number }> };
  const png = PNG.sync.read(await (await request.get(response.annotations.combined.indexedImage)).body());
  const horse = response.labelMapping.horse.index;
  expect(png.data[4 * (100 * png.width + 200)]).toBe(horse);
  expect(png.data[4 * (250 * png.width + 200)]).toBe(horse);
});

test("keyboard-first: the canvas has the keys as soon as a task opens (nested label by number, spline line over read-only layers)", async ({ page, request }) => {
  const id = await createTask(request, "lineannotation", {
    attachment: image("coffee.png"),
    objects_to_annotate: ["edge", { choice: "rim", subchoices: ["inner", "outer"] }],
    with_labels: true,
    splines: true,
    layers: { boxes: [{ left: 20, top: 20, width: 120, height: 80 }] },
  });
  await openWorkTask(page, id);
  const canvas = new EditCanvas(page);
  await expect(canvas.stage).toBeFocused();
  await expect.poll(async () => (await canvas.view()).scale).toBeGreaterThan(0);
  await page.keyboard.press("3"); // the third leaf: rim › outer
  // The first vertex inside the read-only layer's box: the layer never takes the click.
  await canvas.drawPolyline([{ x: 60, y: 60 }, { x: 200, y: 200 }, { x: 350, y: 120 }], "enter");
  await expect(page.getByTestId("label-request")).toBeHidden();
  const response = await submitAndRead(page, request, id);
  const [line] = response.annotations as { label: string; vertices: Pt[] }[];
  expect(line.label).toBe("outer");
  near(line.vertices[0].x, 60);
  near(line.vertices[0].y, 60);
});

test("the form panels pass axe's WCAG A/AA rules, findings shown", async ({ page, request }) => {
  const tasks: [string, Record<string, unknown>][] = [
    ["categorization", { attachment_type: "text", attachment: "A horse in a field", categories: ["horse", "cat"] }],
    ["comparison", { attachment_type: "text", attachments: ["one", "two"], choices: ["first", "second"], fields: { why: "Why?" } }],
    ["transcription", { attachment_type: "text", attachment: "Tea 2.50", fields: { total: "Total" }, repeatable_fields: { kind: { description: "Kind", choices: ["drink", "food"] } } }],
    ["audiotranscription", { attachment: `${origin}/files/sample-images/tones.wav`, verbatim: true, phrases: ["[tone]"] }],
    ["datacollection", { attachment: `${origin}/files/sample-images/bakery.html`, fields: { phone: "Phone number" } }],
  ];
  for (const [type, params] of tasks) {
    const id = await createTask(request, type, params);
    await openWorkTask(page, id);
    if (type === "transcription") await page.getByRole("button", { name: "+ Add item" }).click();
    // Findings on screen too (an empty choice, a missing category), so their markup is checked.
    await page.getByTestId("submit").click();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .include(`[data-testid="work-panel-${type}"]`)
      .exclude("iframe")
      .analyze();
    expect(
      results.violations.flatMap((v) => v.nodes.map((n) => `${type}: ${v.id}: ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ")}`)),
    ).toEqual([]);
  }
});
