// Quality assurance as a reviewer meets it: a random queue of completed tasks, approve and reject
// with feedback by mouse and by keyboard, the shortcut overlay, the empty and error states, the
// decisions on the task pages and in the task list, and the stats view.
import { expect, test, type Page } from "@playwright/test";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";

function auth(key: string) {
  return { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
}

/** What a reviewer does on /audit, in their words. */
class Reviewer {
  constructor(readonly page: Page) {}

  async openQueue(query = "") {
    await this.page.goto(`/audit${query}#key=${LIVE_KEY}`);
    await expect(this.page.getByRole("heading", { name: "Quality assurance" })).toBeVisible();
  }

  position() {
    return this.page.getByTestId("audit-position");
  }

  async currentTaskId(): Promise<string> {
    const id = (await this.page.getByTestId("audit-task-id").textContent()) ?? "";
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    return id;
  }

  feedback() {
    return this.page.getByLabel(/^Feedback/);
  }

  approveButton() {
    return this.page.getByRole("button", { name: /^Approve/ });
  }

  rejectButton() {
    return this.page.getByRole("button", { name: /^Reject/ });
  }

  async expectAt(n: number) {
    await expect(this.position()).toContainText(`Task ${n} of`);
  }
}

async function auditHistoryOf(page: Page, taskId: string) {
  await page.goto(`/tasks/${taskId}`);
  const history = page.locator("section", { has: page.getByRole("heading", { name: "Audit history" }) });
  await expect(history).toBeVisible();
  return history;
}

async function taskRowOf(page: Page, taskId: string) {
  await page.goto(`/tasks?q=${taskId}`);
  const row = page.getByTestId("task-row").filter({ hasText: taskId });
  await expect(row).toHaveCount(1);
  return row;
}

test("one task approved and one rejected with feedback show on their pages and in the list", async ({ page }) => {
  const reviewer = new Reviewer(page);
  await reviewer.openQueue();
  await reviewer.expectAt(1);
  const approvedId = await reviewer.currentTaskId();
  await reviewer.approveButton().click();

  await reviewer.expectAt(2);
  const rejectedId = await reviewer.currentTaskId();
  expect(rejectedId).not.toBe(approvedId);
  // Rejecting needs feedback: the box says so and nothing is sent.
  await reviewer.rejectButton().click();
  await expect(page.getByRole("alert").filter({ hasText: "Write feedback before rejecting" })).toBeVisible();
  await expect(reviewer.feedback()).toBeFocused();
  await reviewer.expectAt(2);
  await reviewer.feedback().fill("The box around the car is loose on the left.");
  await expect(page.getByText("Write feedback before rejecting")).toHaveCount(0);
  await reviewer.rejectButton().click();
  await reviewer.expectAt(3);
  await expect(reviewer.position()).toContainText("1 approved · 1 rejected");

  // Back to the rejected one: the queue remembers what was decided.
  await page.getByRole("button", { name: /^Previous/ }).click();
  await expect(page.getByTestId("audit-decided")).toContainText("You rejected this task");

  // Into the task page without a reload: its history comes from the refreshed cache.
  await page.getByTestId("audit-task-id").click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${rejectedId}$`));
  const rejected = page.locator("section", { has: page.getByRole("heading", { name: "Audit history" }) });
  await expect(rejected.locator(".badge-danger", { hasText: "rejected" })).toBeVisible();
  await expect(rejected).toContainText("The box around the car is loose on the left.");

  const approved = await auditHistoryOf(page, approvedId);
  await expect(approved.locator(".badge-success", { hasText: "approved" }).first()).toBeVisible();

  await expect((await taskRowOf(page, approvedId)).getByText("approved", { exact: true })).toBeVisible();
  await expect((await taskRowOf(page, rejectedId)).getByText("rejected", { exact: true })).toBeVisible();
});

test("the keyboard drives the queue, but not while typing feedback", async ({ page }) => {
  const reviewer = new Reviewer(page);
  await reviewer.openQueue("?size=5");
  await reviewer.expectAt(1);

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  const shortcuts = help.getByRole("table", { name: "Review shortcuts" });
  for (const [key, label] of [["A", "Approve"], ["R", "Reject"], ["N", "Next task"], ["P", "Previous task"], ["?", "shortcuts"]]) {
    await expect(shortcuts.getByRole("row").filter({ hasText: label })).toContainText(key);
  }
  await expect(help.getByRole("table", { name: "Canvas shortcuts" })).toContainText("Fit the image");
  // Nothing is decided behind the overlay.
  await page.keyboard.press("a");
  await expect(reviewer.position()).toContainText("0 approved");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("n");
  await reviewer.expectAt(2);
  await page.keyboard.press("p");
  await reviewer.expectAt(1);
  const first = await reviewer.currentTaskId();

  await page.keyboard.press("r");
  await expect(reviewer.feedback()).toBeFocused();
  await page.keyboard.type("a n p r: wrong label");
  await expect(reviewer.feedback()).toHaveValue("a n p r: wrong label");
  await reviewer.expectAt(1);
  await expect(reviewer.position()).toContainText("0 approved · 0 rejected");
  await page.keyboard.press("Control+Enter");
  await reviewer.expectAt(2);
  await expect(reviewer.position()).toContainText("0 approved · 1 rejected");

  await page.keyboard.press("a");
  await reviewer.expectAt(3);
  await expect(reviewer.position()).toContainText("1 approved · 1 rejected");

  const history = await auditHistoryOf(page, first);
  await expect(history).toContainText("a n p r: wrong label");
});

test("the task page's Audit link opens that task first", async ({ page, request }) => {
  const res = await request.get("/v1/tasks?type=polygonannotation&status=completed&limit=1", { headers: auth(LIVE_KEY) });
  const taskId = ((await res.json()) as { docs: { task_id: string }[] }).docs[0].task_id;
  await page.goto(`/tasks/${taskId}#key=${LIVE_KEY}`);
  await page.getByRole("toolbar", { name: "Task actions" }).getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?task=${taskId}`));
  const reviewer = new Reviewer(page);
  await reviewer.expectAt(1);
  expect(await reviewer.currentTaskId()).toBe(taskId);
  await expect(page.getByTestId("annotation-canvas")).toBeVisible();
  await expect(page.getByTestId("instruction")).toBeVisible();
});

test("an empty queue and a failing one say so", async ({ page }) => {
  const reviewer = new Reviewer(page);
  await reviewer.openQueue("?project=e2e-no-such-project");
  await expect(page.getByTestId("audit-empty")).toContainText("Nothing to audit");

  await page.route("**/v1/audits/sample**", (route) =>
    route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ status_code: 500, error: "database is locked" }) }),
  );
  await page.getByLabel("Type").selectOption({ label: "2D box annotation" });
  await expect(page.getByRole("alert")).toContainText("The review queue could not be loaded");
  await expect(page.getByRole("alert")).toContainText("database is locked");
});

test("the stats view shows approved and rejected rates over time, per type and project", async ({ page }) => {
  await page.goto(`/audit/stats#key=${LIVE_KEY}`);
  await expect(page.getByRole("link", { name: "Stats" })).toHaveAttribute("aria-current", "page");
  const totals = page.getByTestId("audit-totals");
  await expect(totals).toContainText("Approved");
  await expect(totals).toContainText("Approval rate");
  // The default 30 days are bucketed by week.
  await expect(page.getByRole("heading", { name: "Decisions per week" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Approval rate per task type, by week" })).toBeVisible();
  for (const chart of ["Decisions over time", "Approval rate over time"]) {
    await expect(page.getByRole("figure", { name: chart }).locator(".recharts-surface").first()).toBeVisible();
  }
  await expect(page.getByRole("table", { name: "Decisions by type and project" }).getByRole("row").nth(1)).toBeVisible();

  // A bar's tooltip carries the day's counts and rate.
  const daily = page.getByRole("figure", { name: "Decisions over time" });
  await daily.locator(".recharts-bar-rectangle").first().hover();
  await expect(daily.locator(".recharts-tooltip-wrapper")).toContainText("Approval rate");
  await expect(daily.locator(".recharts-tooltip-wrapper")).toContainText("Approved:");

  await page.getByRole("button", { name: "Per project" }).click();
  await expect(page).toHaveURL(/by=project/);
  await expect(page.getByRole("heading", { name: "Approval rate per project, by week" })).toBeVisible();

  await page.getByRole("button", { name: "7 days" }).click();
  await expect(page.getByRole("heading", { name: "Decisions per day" })).toBeVisible();
});
