// The workbench's promises, in the browser: two people pressing "Start labeling" never get the
// same task; going offline mid-task keeps every change and sends it when the network is back;
// a reload restores the draft and says so; a task canceled elsewhere is reported while the page
// is open, and the work can still be downloaded. Tasks are made through the API with the live key,
// in a project of their own so the demo data's tasks don't interfere.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createPendingTask, draftOf, LIVE_AUTH } from "./helpers/workTasks";
import { abortIndexedDbWritesOnLeave, failIndexedDbWritesNow } from "./helpers/idbTeardown";

const PROJECT = `work-e2e-${Date.now().toString(36)}`;
let origin = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request, baseURL }) => {
  origin = baseURL ?? "";
  const res = await request.post("/v1/projects", { headers: LIVE_AUTH, data: { type: "categorization", name: PROJECT, params: {} } });
  expect(res.status(), await res.text()).toBe(200);
});

/** A pending categorization task in this spec's project. */
function createTask(request: APIRequestContext, n: number, urgency = "standard"): Promise<string> {
  return createPendingTask(request, "categorization", {
    project: PROJECT,
    instruction: "Is this company **public** or **private**?",
    attachment_type: "text",
    attachment: `Company number ${n}: listed on no exchange.`,
    categories: ["public", "private"],
    urgency,
  });
}

/** A labeler invited through the API, with a password, signed into a browser context of their own. */
async function labeler(browser: Browser, request: APIRequestContext, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now().toString(36)}@example.com`;
  const invited = await request.post("/console-api/members", { headers: LIVE_AUTH, data: { name, email, role: "labeler" } });
  expect(invited.status(), await invited.text()).toBe(200);
  const token = ((await invited.json()) as { link: string }).link.split("#invite=")[1];
  const context = await browser.newContext();
  const password = "a long labeler password";
  const accepted = await context.request.post("/console-api/invites/accept", { headers: { origin }, data: { token, password } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  const signedIn = await context.request.post("/console-api/sign-in", { headers: { origin }, data: { email, password } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return { context, page: await context.newPage() };
}

async function startLabeling(page: Page): Promise<string> {
  await page.goto(`/work?project=${PROJECT}`);
  await page.getByTestId("start-labeling").click();
  await page.waitForURL(/\/work\/[0-9a-f]{24}/);
  // The panel is up (its keys 1–9 listen from then on).
  await page.getByRole("radio", { name: /public/ }).waitFor();
  return /\/work\/([0-9a-f]{24})/.exec(page.url())![1];
}

/** WCAG 2.1 A/AA, as e2e/accessibility.spec.ts checks every other page. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).exclude("iframe").analyze();
  const headers = await new AxeBuilder({ page }).withRules(["empty-table-header"]).analyze();
  expect([...results.violations, ...headers.violations].map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

type Choice = { category?: string };

test("two people pressing Start labeling at once never get the same task", async ({ browser, request }) => {
  const made = new Set([await createTask(request, 1), await createTask(request, 2), await createTask(request, 3)]);
  const ann = await labeler(browser, request, "Ann Work");
  const bob = await labeler(browser, request, "Bob Work");
  await Promise.all([ann.page.goto(`/work?project=${PROJECT}`), bob.page.goto(`/work?project=${PROJECT}`)]);
  await Promise.all([ann.page.getByTestId("start-labeling").waitFor(), bob.page.getByTestId("start-labeling").waitFor()]);
  await expect(ann.page.getByRole("table", { name: "Pending tasks per type and project" })).toBeVisible();
  await expectAccessible(ann.page);
  await Promise.all([ann.page.getByTestId("start-labeling").click(), bob.page.getByTestId("start-labeling").click()]);
  await Promise.all([ann.page.waitForURL(/\/work\/[0-9a-f]{24}/), bob.page.waitForURL(/\/work\/[0-9a-f]{24}/)]);
  const a = /\/work\/([0-9a-f]{24})/.exec(ann.page.url())![1];
  const b = /\/work\/([0-9a-f]{24})/.exec(bob.page.url())![1];
  expect(made.has(a) && made.has(b)).toBe(true);
  expect(a).not.toBe(b);
  await expect(ann.page.getByTestId("lease")).toContainText("Held by you");
  await expect(bob.page.getByTestId("lease")).toContainText("Held by you");
  // The task browser (the admin, by key) shows who holds each.
  const holds = (await (await request.get("/console-api/work/holds", { headers: LIVE_AUTH })).json()) as { holds: { task_id: string; holder: { name: string } }[] };
  expect(holds.holds.find((h) => h.task_id === a)?.holder.name).toBe("Ann Work");
  expect(holds.holds.find((h) => h.task_id === b)?.holder.name).toBe("Bob Work");
  // Skip both so the next test starts from a clean queue for these people.
  for (const p of [ann, bob]) {
    await p.page.keyboard.press("Shift+S");
    await p.page.getByRole("button", { name: "Skip task" }).click();
    await p.page.waitForURL(/\/work(\?|\/)/);
    await p.context.close();
  }
});

test("offline mid-task: edits are kept and arrive when the network is back; a reload restores the draft", async ({ browser, request }) => {
  await createTask(request, 10, "express");
  const cleo = await labeler(browser, request, "Cleo Work");
  const page = cleo.page;
  const taskId = await startLabeling(page);
  const status = page.getByTestId("save-status");

  await page.keyboard.press("1");
  await expect(status).toContainText("Saved at");
  expect((await draftOf<Choice>(request, taskId))?.response.category).toBe("public");

  await cleo.context.setOffline(true);
  await page.keyboard.press("2");
  await page.keyboard.press("1");
  await page.keyboard.press("2");
  await expect(status).toContainText("Offline — 3 changes waiting");
  expect((await draftOf<Choice>(request, taskId))?.response.category).toBe("public");

  await cleo.context.setOffline(false);
  await expect(status).toContainText("Saved at");
  const draft = await draftOf<Choice>(request, taskId);
  expect(draft?.response.category).toBe("private");

  await page.reload();
  await expect(page.getByTestId("draft-restored")).toContainText("restored");
  await expect(page.getByRole("radio", { name: /private/ })).toBeChecked();
  await expectAccessible(page);

  // Changes made offline and never sent survive closing the tab: this browser kept them
  // (IndexedDB), and the reopened page restores them, says so, and sends them.
  await cleo.context.setOffline(true);
  await page.keyboard.press("1");
  await expect(status).toContainText("Offline — 1 change waiting");
  await page.close();
  await cleo.context.setOffline(false);
  expect((await draftOf<Choice>(request, taskId))?.response.category).toBe("private");
  const reopened = await cleo.context.newPage();
  await reopened.goto(`/work/${taskId}?project=${PROJECT}`);
  await expect(reopened.getByTestId("draft-restored")).toContainText("kept in this browser");
  await expect(reopened.getByRole("radio", { name: /public/ })).toBeChecked();
  await expect(reopened.getByTestId("save-status")).toContainText("Saved at");
  expect((await draftOf<Choice>(request, taskId))?.response.category).toBe("public");

  // Submit: the task is completed with the draft's answer, and its time spent is recorded.
  await reopened.getByTestId("submit").click();
  await expect(reopened.getByText(/Submitted — time spent/)).toBeVisible();
  const task = (await (await request.get(`/v1/task/${taskId}`, { headers: LIVE_AUTH })).json()) as { status: string; response: { category: string } };
  expect(task).toMatchObject({ status: "completed", response: { category: "public" } });
  await cleo.context.close();
});

test("the last answer change before the tab closes survives when its IndexedDB write never commits", async ({ browser, request }) => {
  await createTask(request, 15, "express");
  const eve = await labeler(browser, request, "Eve Work");
  const page = eve.page;
  await abortIndexedDbWritesOnLeave(page);
  const taskId = await startLabeling(page);
  await page.keyboard.press("1");
  await expect(page.getByTestId("save-status")).toContainText("Saved at");
  // The server can't take the next save, and this browser's IndexedDB write of the change is
  // still in flight when the tab goes (Chromium aborts it with the document): only what the page
  // writes synchronously as it leaves can keep the change.
  const refuse = (route: import("@playwright/test").Route) => (route.request().method() === "PUT" ? route.abort("connectionrefused") : route.fallback());
  await page.route("**/console-api/work/*/draft", refuse);
  await failIndexedDbWritesNow(page);
  await page.keyboard.press("2");
  page.on("dialog", (d) => void d.accept());
  await page.reload();
  await expect(page.getByTestId("draft-restored")).toContainText("kept in this browser");
  await expect(page.getByRole("radio", { name: /private/ })).toBeChecked();
  // Moved into IndexedDB on opening, and the page-hide copy cleared.
  await expect.poll(() => page.evaluate((id) => Object.keys(localStorage).filter((k) => k.includes(id)), taskId)).toEqual([]);
  await page.unroute("**/console-api/work/*/draft", refuse);
  await expect(page.getByTestId("save-status")).toContainText("Saved at", { timeout: 20_000 });
  expect((await draftOf<Choice>(request, taskId))?.response.category).toBe("private");
  await page.keyboard.press("Shift+S");
  await page.getByRole("button", { name: "Skip task" }).click();
  await page.waitForURL(/\/work(\?|\/)/);
  await eve.context.close();
});

test("a task canceled elsewhere is reported while it is open, and the work can be downloaded", async ({ browser, request }) => {
  await createTask(request, 20, "express");
  const dan = await labeler(browser, request, "Dan Work");
  const page = dan.page;
  const taskId = await startLabeling(page);
  await page.keyboard.press("2");
  await expect(page.getByTestId("save-status")).toContainText("Saved at");

  const canceled = await request.post(`/v1/task/${taskId}/cancel`, { headers: LIVE_AUTH });
  expect(canceled.status()).toBe(200);
  // The next lease renewal (every 15 s) says so without any action on the page.
  await expect(page.getByTestId("gone-banner")).toContainText("canceled", { timeout: 25_000 });
  await expect(page.getByTestId("submit")).toBeDisabled();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my work" }).click();
  const file = await (await download).path();
  const saved = JSON.parse(fs.readFileSync(file, "utf8")) as { task_id: string; response: { category: string } };
  expect(saved).toMatchObject({ task_id: taskId, response: { category: "private" } });
  await dan.context.close();
});
