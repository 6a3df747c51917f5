// Projects as templates in the console: the project forms take any params of the type as JSON,
// checked with the server's schema and words; the project page shows the template per version,
// and a task created under the project inherits it.
import { expect, test } from "@playwright/test";

const TEST_KEY = process.env.E2E_TEST_KEY ?? "";
const auth = { Authorization: `Basic ${Buffer.from(`${TEST_KEY}:`).toString("base64")}` };

test("a project's template: JSON editor with the server's messages, shown per version, inherited by tasks", async ({ page, request, baseURL }) => {
  await page.goto(`/projects#key=${TEST_KEY}`);
  const name = `template_${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel(/^Instruction/).fill("Box every vehicle.");
  const template = page.getByLabel("Template params (JSON)");

  await template.fill("{ objects_to_annotate: ");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("alert")).toContainText("template params: not valid JSON");
  await template.fill('{"objects_to_annotate": [], "min_width": "wide"}');
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("alert")).toContainText("params.objects_to_annotate: must list at least one object");
  await expect(page.getByRole("alert")).toContainText("params.min_width: must be an integer");
  expect((await request.get(`/v1/projects/${name}`, { headers: auth })).status()).toBe(404);

  await template.fill('{"objects_to_annotate": ["car", {"choice": "person", "subchoices": ["adult", "child"]}], "with_labels": true, "min_width": 12}');
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const current = page.getByRole("definition").filter({ hasText: "car, person (adult, child)" });
  await expect(current).toBeVisible();

  // A new version from the page's editor, which starts from the current template.
  const editor = page.getByLabel("Template params (JSON)");
  await expect(editor).toHaveValue(/"min_width": 12/);
  await editor.fill(((await editor.inputValue()) ?? "").replace('"min_width": 12', '"min_width": 30'));
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByText("Task template (v1)")).toBeVisible();
  const history = page.getByRole("table", { name: "Param history" });
  await expect(history.getByText("3 params")).toHaveCount(2);

  // A task under the project inherits the template; its own params win.
  const created = await request.post("/v1/task/annotation", {
    headers: auth,
    data: { project: name, attachment: `${baseURL}/sample-images/chelsea.png`, callback_url: "http://127.0.0.1:9/cb", with_labels: false },
  });
  expect(created.ok()).toBe(true);
  const task = (await created.json()) as { instruction: string; params: Record<string, unknown>; project_param_version: number };
  expect(task.params).toMatchObject({ min_width: 30, with_labels: false, objects_to_annotate: ["car", { choice: "person", subchoices: ["adult", "child"] }] });
  expect(task.instruction).toBe("Box every vehicle.");
  expect(task.project_param_version).toBe(1);
});
