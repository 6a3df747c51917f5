// The console as a new user meets it: sign in, read the overview, filter and open tasks,
// cancel one, export, manage a project, switch to a test key. Helpers speak in user words.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";
const TEST_KEY = process.env.E2E_TEST_KEY ?? "";

/** What a user does in the console, in their words. */
class Console {
  constructor(readonly page: Page) {}

  async signInWithLink(key: string, path = "/") {
    await this.page.goto(`${path}#key=${key}`);
    await expect(this.page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }

  async signInWithForm(key: string) {
    await this.page.getByLabel("API key").fill(key);
    await this.page.getByRole("button", { name: "Sign in with the key" }).click();
    await expect(this.page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByRole("heading", { name: "Sign in to Scale Workbench" })).toBeVisible();
  }

  async openNav(label: string) {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
  }

  async filterTasks(filter: "Status" | "Type" | "Project", option: string) {
    await this.page.getByRole("search", { name: "Filter tasks" }).getByLabel(filter).selectOption({ label: option });
  }

  taskRows() {
    return this.page.getByTestId("task-row");
  }

  async openFirstTask() {
    await this.taskRows().first().getByRole("link").first().click();
    await expect(this.page.getByRole("toolbar", { name: "Task actions" })).toBeVisible();
  }
}

function auth(key: string) {
  return { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
}

/** A few live tasks that stay pending (live tasks wait for a person), so every run has some. */
async function createPendingTasks(request: APIRequestContext, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await request.post("/v1/task/categorization", {
      headers: auth(LIVE_KEY),
      data: {
        callback_url: "http://127.0.0.1:9/callback",
        instruction: "Is this company **public** or private?",
        attachment_type: "text",
        attachment: `e2e company ${i}`,
        categories: ["public", "private"],
      },
    });
    expect(response.ok(), await response.text()).toBeTruthy();
    ids.push(((await response.json()) as { task_id: string }).task_id);
  }
  return ids;
}

test.beforeAll(async ({ request }) => {
  expect(LIVE_KEY, "E2E_LIVE_KEY must be set by playwright.config.ts").not.toBe("");
  await createPendingTasks(request, 3);
});

test("the overview shows charts and totals that link to the task list", async ({ page }) => {
  const app = new Console(page);
  await app.signInWithLink(LIVE_KEY);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Submissions per day, by type" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Status by task type" })).toBeVisible();

  await page.getByTestId("total-pending").click();
  await expect(page).toHaveURL(/\/tasks\?.*status=pending/);
  await expect(app.taskRows().first()).toBeVisible();
});

test("tasks can be filtered by type and status through the UI", async ({ page }) => {
  const app = new Console(page);
  await app.signInWithLink(LIVE_KEY, "/tasks");
  await app.filterTasks("Type", "Categorization");
  await app.filterTasks("Status", "pending");
  await expect(page).toHaveURL(/type=categorization/);
  await expect(page).toHaveURL(/status=pending/);
  await expect(app.taskRows().first()).toBeVisible();
  for (const row of await app.taskRows().all()) {
    await expect(row).toContainText("Categorization");
    await expect(row).toContainText("pending");
  }
  // The filters survive a reload: they live in the URL.
  await page.reload();
  await expect(page.getByRole("search", { name: "Filter tasks" }).getByLabel("Type")).toHaveValue("categorization");
});

test("a pending task can be opened and canceled", async ({ page }) => {
  const app = new Console(page);
  await app.signInWithLink(LIVE_KEY, "/tasks?type=categorization&status=pending");
  await app.openFirstTask();
  await expect(page.getByTestId("instruction")).toContainText("public");
  await page.getByRole("button", { name: "Cancel task" }).click();
  await page.getByRole("button", { name: "Yes, cancel task" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("canceled");
  await expect(page.getByRole("button", { name: "Cancel task" })).toHaveCount(0);
});

test("Export JSON saves the filtered tasks", async ({ page }) => {
  const app = new Console(page);
  await app.signInWithLink(LIVE_KEY, "/tasks");
  await app.filterTasks("Type", "Categorization");
  await expect(page).toHaveURL(/type=categorization/);
  const subtitle = page.getByText(/tasks match/);
  await expect(subtitle).toBeVisible();
  const total = Number((await subtitle.textContent())?.replace(/[^\d]/g, ""));

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSON" }).click();
  const download = await downloadPromise;
  const file = await download.path();
  const tasks = JSON.parse(await readFile(file, "utf8")) as { type: string }[];
  expect(tasks).toHaveLength(total);
  expect(tasks.every((t) => t.type === "categorization")).toBe(true);
  await expect(page.getByText(/Export finished/)).toBeVisible();
});

test("a project can be created and its params set, with history and diff", async ({ page }) => {
  const app = new Console(page);
  const name = `e2e_project_${Date.now()}`;
  await app.signInWithLink(LIVE_KEY);
  await app.openNav("Projects");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Task type").selectOption({ label: "Categorization" });
  await page.getByLabel(/^Instruction/).fill("Pick the right category.");
  await page.getByRole("button", { name: "Create project" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByLabel("Instruction (markdown)").fill("Pick the right category.\nAsk when unsure.");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByText("Saved as v1.")).toBeVisible();
  const history = page.getByRole("table", { name: "Param history" });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(page.getByTestId("param-diff")).toContainText("Ask when unsure.");
});

test("signing out and in with a test key shows the test-mode banner", async ({ page }) => {
  test.skip(!TEST_KEY, "E2E_TEST_KEY not set");
  const app = new Console(page);
  await app.signInWithLink(LIVE_KEY);
  await expect(page.getByText("TEST MODE", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("mode-badge")).toContainText("Live mode");
  await app.signOut();
  await app.signInWithForm(TEST_KEY);
  await expect(page.getByText("TEST MODE", { exact: true })).toBeVisible();
  await expect(page.getByTestId("mode-badge")).toContainText("Test mode");
  // The key was not left in the address bar by the sign-in link earlier either.
  expect(page.url()).not.toContain("key=");
});
