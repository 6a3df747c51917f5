// What the console says, and where it keeps its state: one true task count and the reason a
// filter can't match, long instructions collapsed everywhere, the audit sample and position kept
// in the URL, project forms that explain refusals, settings that confirm a save, plural words.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";
const TEST_KEY = process.env.E2E_TEST_KEY ?? "";

function auth(key: string) {
  return { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
}

async function signIn(page: Page, path: string) {
  await page.goto(`${path}#key=${LIVE_KEY}`);
  await expect(page.getByRole("main")).toBeVisible();
}

/** Markdown of about `chars` characters, many short paragraphs (a tall page if not collapsed). */
function longMarkdown(chars: number): string {
  const line = "Draw a **tight** box around every vehicle; include mirrors, exclude shadows.\n\n";
  return `# Long instruction\n\n${line.repeat(Math.ceil(chars / line.length))}`.slice(0, chars);
}

async function createTask(request: APIRequestContext, data: Record<string, unknown>): Promise<string> {
  const response = await request.post("/v1/task/categorization", {
    headers: auth(LIVE_KEY),
    data: {
      callback_url: "http://127.0.0.1:9/callback",
      attachment_type: "text",
      attachment: "a company",
      categories: ["public", "private"],
      instruction: "Pick one.",
      ...data,
    },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  return ((await response.json()) as { task_id: string }).task_id;
}

test("the task count is always true, and a filter that can't match says why", async ({ page }) => {
  await signIn(page, "/tasks");
  const count = page.getByTestId("task-count");
  await expect(count).toContainText(/\d+ tasks match/);

  // Not an id at all: nothing is asked, and the field says what is wrong.
  await page.goto("/tasks?q=not-an-id");
  await expect(count).toHaveText("No tasks match");
  await expect(page.getByText("No task matches this id")).toBeVisible();
  const search = page.getByRole("search", { name: "Filter tasks" });
  await expect(search.getByLabel("Task id")).toHaveAttribute("aria-invalid", "true");
  await expect(search.getByRole("alert")).toContainText("Not a task id");

  // A well-formed prefix that matches nothing: the header and the body agree.
  await page.goto("/tasks?q=fffffffffffffffffff");
  await expect(count).toHaveText("No tasks match");
  await expect(page.getByText("No task matches this id")).toBeVisible();

  // Dates the wrong way round: said on the date fields, and one click fixes it.
  await page.goto("/tasks?from=2030-01-10&to=2020-01-01");
  await expect(count).toHaveText("No tasks match");
  await expect(search.getByLabel("Created from (UTC)")).toHaveAttribute("aria-invalid", "true");
  await expect(search.getByRole("alert")).toContainText('"From" is after "to"');
  await expect(page.getByText("No day is in this date range")).toBeVisible();
  await search.getByRole("button", { name: "Swap the dates" }).click();
  await expect(page).toHaveURL(/from=2020-01-01/);
  await expect(count).toContainText(/\d+ tasks? match/);
  await expect(search.getByRole("alert")).toHaveCount(0);
});

test("a long instruction is collapsed on the task page and can be shown in full", async ({ page, request }) => {
  const taskId = await createTask(request, { instruction: longMarkdown(150_000) });
  await signIn(page, `/tasks/${taskId}`);
  const instruction = page.getByTestId("instruction");
  await expect(instruction).toContainText("Long instruction");
  expect((await instruction.boundingBox())?.height).toBeLessThanOrEqual(300);
  const main = page.getByRole("main");
  expect(await main.evaluate((el) => el.scrollHeight)).toBeLessThan(6000);

  await page.getByRole("button", { name: /^Show all/ }).click();
  await expect(page.getByRole("button", { name: "Show less" })).toHaveAttribute("aria-expanded", "true");
  // Expanded, it scrolls in its own box: the page stays a page.
  const box = await instruction.boundingBox();
  expect(box?.height).toBeLessThanOrEqual(900 * 0.7 + 1);
  expect(await instruction.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  expect(await main.evaluate((el) => el.scrollHeight)).toBeLessThan(7000);
  await page.getByRole("button", { name: "Show less" }).click();
  expect((await instruction.boundingBox())?.height).toBeLessThanOrEqual(300);
});

test("a long instruction is collapsed on the audit page too", async ({ page, request }) => {
  // A test-mode task is completed at once, so it can be audited.
  const response = await request.post("/v1/task/categorization", {
    headers: auth(TEST_KEY),
    data: { callback_url: "http://127.0.0.1:9/callback", attachment_type: "text", attachment: "a company", categories: ["a", "b"], instruction: longMarkdown(120_000) },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  const { task_id } = (await response.json()) as { task_id: string };
  await page.goto(`/audit?task=${task_id}#key=${TEST_KEY}`);
  await expect(page.getByTestId("audit-task-id")).toHaveText(task_id);
  const instruction = page.getByTestId("instruction");
  await expect(instruction).toContainText("Long instruction");
  expect((await instruction.boundingBox())?.height).toBeLessThanOrEqual(300);
  await expect(page.getByRole("button", { name: /^Show all/ })).toBeVisible();
});

test("a project's long instruction is collapsed, and its param history renders markdown", async ({ page, request }) => {
  const name = `e2e_long_${Date.now()}`;
  const created = await request.post("/v1/projects", {
    headers: auth(LIVE_KEY),
    data: { type: "categorization", name, params: { instruction: longMarkdown(60_000) } },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const set = await request.post(`/v1/projects/${name}/setParams`, {
    headers: auth(LIVE_KEY),
    data: { instruction: "# Rules\n\n- first line\n- second line" },
  });
  expect(set.ok(), await set.text()).toBeTruthy();

  await signIn(page, `/projects/${name}`);
  const current = page.locator("section", { has: page.getByRole("heading", { name: "Current instruction" }) });
  await expect(current.getByRole("heading", { name: "Rules" })).toBeVisible();
  const history = page.getByRole("table", { name: "Param history" });
  await expect(history.getByRole("row")).toHaveCount(3);
  // One line per version until opened; opened, the markdown is rendered (a list, not "- first line - second line").
  await expect(history.locator("summary", { hasText: "Rules" })).toBeVisible();
  await history.locator("summary", { hasText: "Rules" }).click();
  await expect(history.getByRole("listitem").filter({ hasText: "second line" })).toBeVisible();
  await history.locator("summary", { hasText: "Long instruction" }).click();
  const long = history.getByTestId("instruction").filter({ hasText: "Long instruction" });
  expect((await long.boundingBox())?.height).toBeLessThanOrEqual(300);
  await expect(history.getByRole("button", { name: /^Show all/ })).toBeVisible();
});

test("the audit sample and position survive a reload, and a shared link opens the same task", async ({ page, browser }) => {
  await signIn(page, "/audit?size=5");
  const position = page.getByTestId("audit-position");
  await expect(position).toContainText("Task 1 of");
  await expect(page).toHaveURL(/sample=[0-9a-f]{24}/);
  await page.keyboard.press("n");
  await page.keyboard.press("n");
  await expect(position).toContainText("Task 3 of");
  await expect(page).toHaveURL(/pos=3/);
  const third = await page.getByTestId("audit-task-id").textContent();
  await page.getByRole("button", { name: /^Approve/ }).click();
  await expect(position).toContainText("Task 4 of");
  await expect(position).toContainText("1 approved");

  await page.reload();
  await expect(position).toContainText("Task 4 of");
  await expect(position).toContainText("1 approved · 0 rejected");
  await page.keyboard.press("p");
  await expect(page.getByTestId("audit-task-id")).toHaveText(third ?? "");
  await expect(page.getByTestId("audit-decided")).toContainText("approved");

  // To the task page and back: the same place.
  const url = page.url();
  await page.getByTestId("audit-task-id").click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f]{24}$/);
  await page.goBack();
  await expect(page.getByTestId("audit-task-id")).toHaveText(third ?? "");

  // Over to the stats and back with the tabs: the same place too.
  await page.getByRole("link", { name: "Stats" }).click();
  await expect(page.getByTestId("audit-totals")).toBeVisible();
  await page.getByRole("link", { name: "Review queue" }).click();
  await expect(page.getByTestId("audit-task-id")).toHaveText(third ?? "");

  // Someone else opening the link reviews the same sample at the same task.
  const other = await browser.newPage();
  await other.goto(`${url}#key=${LIVE_KEY}`);
  await expect(other.getByTestId("audit-task-id")).toHaveText(third ?? "");
  await other.close();

  // A new sample is a new draw.
  const sample = new URL(url).searchParams.get("sample");
  await page.getByRole("button", { name: "Draw a new sample" }).click();
  await expect(position).toContainText("Task 1 of");
  await expect.poll(() => new URL(page.url()).searchParams.get("sample")).not.toBe(sample);
});

test("the approval-rate chart draws every task type that was audited, and marks thin data", async ({ page }) => {
  await signIn(page, "/audit/stats?from=2020-01-01");
  await expect(page.getByText(/Audit decisions by UTC (week|month)/)).toBeVisible();
  const table = page.getByRole("table", { name: "Decisions by type and project" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  const types = new Set((await table.locator("tbody tr td:first-child").allTextContents()).map((t) => t.trim()));
  const chart = page.getByRole("figure", { name: "Approval rate over time" });
  await expect(chart.locator(".recharts-legend-item")).toHaveCount(types.size);
  expect(types.size).toBeGreaterThan(8);
  await expect(chart).toContainText(/fewer than \d+ decisions/);
});

test("project forms explain what the server refuses and ask before an empty instruction", async ({ page }) => {
  await signIn(page, "/projects");
  const name = `e2e_forms_${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create project" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Create without an instruction?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Write one first" }).click();
  await expect(confirm).toHaveCount(0);

  await page.getByLabel(/^Instruction/).fill("x".repeat(200_001));
  await expect(page.getByText("200,001 / 200,000 characters")).toBeVisible();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("alert")).toContainText("The instruction must be at most 200000 characters");
  await expect(page.getByLabel(/^Instruction/)).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel(/^Instruction/).fill("Label every car.");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  // An empty instruction can't be a new version: said under the box, nothing is saved.
  await page.getByLabel("Instruction (markdown)").fill("   ");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("alert")).toContainText("Write an instruction first");
  await expect(page.getByRole("table", { name: "Param history" }).getByRole("row")).toHaveCount(2);

  // The server's own refusal is shown as it says it: a second project of the same name.
  await page.goto("/projects");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel(/^Instruction/).fill("again");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("alert")).toContainText("already exists");
});

test("the projects table keeps name, type and date on one line", async ({ page }) => {
  await signIn(page, "/projects");
  const table = page.getByRole("table", { name: "Projects" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  for (const row of await table.locator("tbody tr").all()) {
    const height = (await row.boundingBox())?.height ?? 0;
    expect(height).toBeLessThan(40);
  }
});

test("settings confirm a saved callback URL, counts are plural-aware, a missing image says so", async ({ page, request }) => {
  await signIn(page, "/settings");
  const field = page.getByLabel(/^URL or e-mail address/);
  await field.fill("https://example.com/e2e-callback");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("callback-saved")).toContainText("Saved at");
  await expect(page.getByRole("button", { name: "Saved" })).toBeDisabled();
  await field.fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("callback-saved")).toContainText("Saved at");

  const taskId = await createTask(request, {});
  await page.goto(`/tasks?q=${taskId}`);
  await page.getByRole("checkbox", { name: `Select task ${taskId}` }).check();
  await page.getByRole("button", { name: "Cancel 1 pending" }).click();
  await expect(page.getByText("Cancel 1 pending task? This can't be undone.")).toBeVisible();
  await page.getByRole("button", { name: "Keep it" }).click();

  // An attachment that answers 404 is a labelled placeholder, not a broken image.
  await page.route("**/sample-images/**", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto("/tasks?type=annotation");
  await expect(page.getByTestId("thumb-unavailable").first()).toBeVisible();
  await expect(page.getByRole("img", { name: "Image unavailable" }).first()).toBeVisible();
});
