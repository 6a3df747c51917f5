// Batch creation on the create form: a CSV of 200 rows, 3 of them bad, creates exactly 197 tasks
// and reports exactly the 3; running the same file again creates nothing new.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import Papa from "papaparse";

const TEST_KEY = process.env.E2E_TEST_KEY ?? "";
const auth = { Authorization: `Basic ${Buffer.from(`${TEST_KEY}:`).toString("base64")}` };

async function projectTotal(request: APIRequestContext, project: string): Promise<number> {
  const res = await request.get(`/v1/tasks?project=${encodeURIComponent(project)}&limit=1`, { headers: auth });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { total: number }).total;
}

/** What a user does with the batch panel, in their words. */
class BatchPanel {
  constructor(readonly page: Page) {}

  region() {
    return this.page.getByRole("region", { name: "Create many from a file" });
  }

  /** The panel sits in the form's "Batch" section, closed until the user opens it. */
  async open() {
    if (!(await this.region().isVisible())) await this.page.getByText("Batch: many tasks from a CSV or JSONL file").click();
    await expect(this.region()).toBeVisible();
  }

  async pickFile(name: string, text: string) {
    await this.region().getByLabel("Batch file (CSV or JSON Lines)").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  }

  async check(rows: number) {
    await this.region().getByRole("button", { name: `Check ${rows.toLocaleString("en-US")} rows` }).click();
  }

  async send(count: number) {
    await this.region().getByRole("button", { name: `Create ${count.toLocaleString("en-US")} tasks` }).click();
    await expect(this.region().getByTestId("batch-counts")).toContainText("Done", { timeout: 60_000 });
  }

  count(kind: "created" | "existing" | "failed" | "remaining") {
    return this.region().getByTestId("batch-counts").locator(`[data-count="${kind}"]`);
  }

  async downloadReport() {
    const download = this.page.waitForEvent("download");
    await this.region().getByRole("button", { name: "Download the report (CSV)" }).click();
    const file = await (await download).path();
    return Papa.parse<Record<string, string>>(await readFile(file, "utf8"), { header: true, skipEmptyLines: true }).data;
  }
}

test("a 200-row CSV with 3 bad rows creates 197 tasks, reports the 3, and a second run creates nothing", async ({ page, request, baseURL }) => {
  const project = `batch-${Date.now()}`;
  const created = await request.post("/v1/projects", { headers: auth, data: { type: "annotation", name: project, params: { instruction: "Box every car.", objects_to_annotate: ["car", "truck"] } } });
  expect(created.ok()).toBe(true);

  const images = ["astronaut.png", "camera.png", "chelsea.png", "coffee.png"];
  const bad = new Map<number, string>([
    [17, "attachment"],
    [88, "objects_to_annotate"],
    [150, "min_width"],
  ]);
  const rows = Array.from({ length: 200 }, (_, i) => {
    const n = i + 1;
    return {
      attachment: bad.get(n) === "attachment" ? "not a url" : `${baseURL}/sample-images/${images[i % images.length]}?n=${n}`,
      // Empty: the project's template gives the labels (the dry run checks each row against it).
      objects_to_annotate: bad.get(n) === "objects_to_annotate" ? '["a","b","c","d","e","f","g"]' : n % 2 ? "" : "car|bus",
      min_width: bad.get(n) === "min_width" ? "-5" : String(n % 20),
      callback_url: "http://127.0.0.1:9/callback",
      project,
      camera: `cam-${n % 3}`,
    };
  });
  const csv = Papa.unparse(rows);

  await page.goto(`/create/annotation#key=${TEST_KEY}`);
  const panel = new BatchPanel(page);
  await panel.open();
  await panel.pickFile("cars.csv", csv);
  await expect(panel.region()).toContainText("cars.csv: 200 rows, 6 columns");
  // The automatic mapping: fields by name, anything else kept as metadata.
  await expect(panel.region().getByLabel("Column camera goes to")).toHaveValue("metadata:camera");
  await expect(panel.region().getByLabel("Column attachment goes to")).toHaveValue("field:attachment");

  await panel.check(200);
  await expect(panel.region().getByTestId("batch-dry-run")).toContainText("197 rows are valid, 3 are not");
  const invalid = panel.region().getByRole("table", { name: "Invalid rows" }).locator("tbody tr");
  await expect(invalid).toHaveCount(3);
  await expect(invalid.nth(0)).toContainText("attachment: must be an http or https URL");
  await expect(invalid.nth(1)).toContainText("objects_to_annotate: you may include at most 6 objects");
  await expect(invalid.nth(2)).toContainText("min_width: must be at least 0");
  expect(await projectTotal(request, project)).toBe(0);

  await panel.send(197);
  await expect(panel.count("created")).toHaveText("197 created");
  await expect(panel.count("failed")).toHaveText("0 failed");
  await expect(panel.count("remaining")).toHaveText("0 remaining");
  expect(await projectTotal(request, project)).toBe(197);

  const report = await panel.downloadReport();
  expect(report).toHaveLength(200);
  expect(report.filter((r) => r.status === "invalid").map((r) => Number(r.row))).toEqual([17, 88, 150]);
  expect(report.filter((r) => r.status === "created")).toHaveLength(197);
  expect(new Set(report.map((r) => r.unique_id)).size).toBe(200);
  // A created task carries its row's values, the project's template (instruction appended, labels
  // where the row has none) and the file's other columns as metadata.
  const first = report.find((r) => r.row === "1")!;
  const task = (await (await request.get(`/v1/task/${first.task_id}`, { headers: auth })).json()) as Record<string, unknown>;
  expect(task).toMatchObject({ unique_id: first.unique_id, instruction: "Box every car.", metadata: { camera: "cam-1" }, params: { objects_to_annotate: ["car", "truck"], min_width: 1 } });
  const second = report.find((r) => r.row === "2")!;
  const overridden = (await (await request.get(`/v1/task/${second.task_id}`, { headers: auth })).json()) as { params: Record<string, unknown> };
  expect(overridden.params.objects_to_annotate).toEqual(["car", "bus"]);

  // The same file again: every good row is found as already created, nothing new.
  await panel.region().getByRole("button", { name: "Start another batch" }).click();
  await panel.pickFile("cars.csv", csv);
  await panel.check(200);
  await panel.send(197);
  await expect(panel.count("created")).toHaveText("0 created");
  await expect(panel.count("existing")).toHaveText("197 already existed");
  expect(await projectTotal(request, project)).toBe(197);
  const again = await panel.downloadReport();
  const ids = (r: Record<string, string>[]) => r.filter((x) => x.task_id).map((x) => `${x.row}:${x.task_id}`);
  expect(ids(again)).toEqual(ids(report));
});

test("a JSON Lines file with its own unique_ids: typed values, a bad line reported, ids kept", async ({ page, request, baseURL }) => {
  const project = `batch-jsonl-${Date.now()}`;
  expect((await request.post("/v1/projects", { headers: auth, data: { type: "annotation", name: project } })).ok()).toBe(true);
  const lines = Array.from({ length: 20 }, (_, i) =>
    JSON.stringify({
      id: `${project}-${i + 1}`,
      attachment: `${baseURL}/sample-images/coffee.png?n=${i + 1}`,
      objects_to_annotate: [{ choice: "cup", subchoices: ["mug", "glass"] }],
      with_labels: i % 2 === 0,
      metadata: { batch: "jsonl", n: i + 1 },
      callback_url: "http://127.0.0.1:9/callback",
      project,
    }),
  );
  lines[4] = "{ not json";
  await page.goto(`/create/annotation#key=${TEST_KEY}`);
  const panel = new BatchPanel(page);
  await panel.open();
  await panel.pickFile("cups.jsonl", lines.join("\n") + "\n");
  await expect(panel.region()).toContainText("cups.jsonl: 20 rows");
  await expect(panel.region().getByLabel("Column id goes to")).toHaveValue("field:unique_id");
  await panel.check(20);
  await expect(panel.region().getByTestId("batch-dry-run")).toContainText("19 rows are valid, 1 are not");
  await expect(panel.region().getByRole("table", { name: "Invalid rows" })).toContainText("line 5 is not JSON");
  await panel.send(19);
  await expect(panel.count("created")).toHaveText("19 created");
  expect(await projectTotal(request, project)).toBe(19);
  const list = (await (await request.get(`/v1/tasks?unique_id=${project}-2`, { headers: auth })).json()) as { docs: { params: Record<string, unknown>; metadata: unknown }[] };
  expect(list.docs[0].params).toMatchObject({ with_labels: false, objects_to_annotate: [{ choice: "cup", subchoices: ["mug", "glass"] }] });
  expect(list.docs[0].metadata).toEqual({ batch: "jsonl", n: 2 });
});
