// Teams as people meet them: the first admin sets a password from the link `npm run keys`
// prints, invites a labeler, who sets a password, signs in and sees only the work queue; a
// reviewer approves a task and its page says who did.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Browser, type Page } from "@playwright/test";

const exec = promisify(execFile);
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";

const problems: string[] = [];

/** A fresh browser (no cookies, no key) for each person; console errors are collected. */
async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("console", (m) => {
    // Refusals this spec provokes (401 before signing in, the 403 probes, the 404 of a used link)
    // are logged by Chromium as failed resources; sandboxed website previews block scripts on purpose.
    const expected = /Failed to load resource: the server responded with a status of 40[134]|Blocked script execution in .* sandboxed/;
    if (m.type() === "error" && !expected.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

test.afterEach(() => {
  expect(problems).toEqual([]);
  problems.length = 0;
});

async function adminLink(): Promise<string> {
  const { stdout } = await exec(process.execPath, ["--import", "tsx", "src/server/cli/keys.ts", "reset-password", "--email", "admin@localhost"], {
    env: { ...process.env, DATA_DIR },
  });
  const link = /https?:\/\/\S+\/welcome#invite=[A-Za-z0-9_-]+/.exec(stdout)?.[0];
  expect(link, stdout).toBeDefined();
  return new URL(link!).pathname + new URL(link!).hash;
}

async function setPassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat it").fill(password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

async function invite(admin: Page, name: string, email: string, role: string): Promise<string> {
  await admin.goto("/settings/members");
  const form = admin.getByRole("form", { name: "Invite a member" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Invite" }).click();
  const link = (await admin.getByTestId("invite-link").textContent()) ?? "";
  expect(link).toContain("/welcome#invite=");
  await expect(admin.getByRole("row").filter({ hasText: email })).toContainText("invited");
  return new URL(link).pathname + new URL(link).hash;
}

function nav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

test("an admin invites a labeler, who sets a password, signs in and sees only the work queue", async ({ browser }) => {
  const admin = await person(browser);
  await setPassword(admin, await adminLink(), "the first admin's password");
  await expect(nav(admin).getByRole("link", { name: "Members" })).toBeVisible();
  const link = await invite(admin, "Lena Labeler", "lena@example.com", "labeler");

  const lena = await person(browser);
  await setPassword(lena, link, "lena's own password");
  await expect(lena.getByRole("heading", { name: "Work", exact: true })).toBeVisible();
  await lena.getByRole("button", { name: "Sign out" }).click();
  await expect(lena.getByRole("heading", { name: "Sign in to Scale Workbench" })).toBeVisible();

  await signIn(lena, "lena@example.com", "lena's own password");
  await expect(lena.getByRole("heading", { name: "Work", exact: true })).toBeVisible();
  const links = await nav(lena).getByRole("link").allTextContents();
  expect(links).toEqual(["Work", "My account"]);
  // Typing another screen's address doesn't show it, and the API refuses it too.
  await lena.goto("/tasks");
  await expect(lena.getByRole("heading", { name: "Work", exact: true })).toBeVisible();
  const refused = await lena.request.get("/v1/tasks");
  expect(refused.status()).toBe(403);

  // The used link doesn't work twice.
  const again = await person(browser);
  await again.goto(link);
  await expect(again.getByRole("alert")).toContainText("already used or has expired");

  // The admin sees Lena active, and her session.
  await admin.goto("/settings/members");
  const row = admin.getByRole("row").filter({ hasText: "lena@example.com" });
  await expect(row).toContainText("active");
  await row.getByRole("button", { name: "Sessions" }).click();
  await expect(admin.getByRole("button", { name: "Revoke" }).first()).toBeVisible();
  await admin.goto("/account");
  await expect(admin.getByRole("heading", { name: "My sessions" })).toBeVisible();
});

test("a reviewer approves a task and the task's page names them", async ({ browser }) => {
  const admin = await person(browser);
  await setPassword(admin, await adminLink(), "the first admin's password");
  const link = await invite(admin, "Rosa Reviewer", "rosa@example.com", "reviewer");

  const rosa = await person(browser);
  await setPassword(rosa, link, "rosa's own password");
  expect(await nav(rosa).getByRole("link").allTextContents()).toEqual(["Overview", "Tasks", "Projects", "Quality assurance", "My account"]);
  await nav(rosa).getByRole("link", { name: "Quality assurance" }).click();
  const id = ((await rosa.getByTestId("audit-task-id").textContent()) ?? "").trim();
  expect(id).toMatch(/^[0-9a-f]{24}$/);
  await rosa.getByRole("button", { name: /^Approve/ }).click();
  await expect(rosa.getByTestId("audit-position")).toContainText("Task 2 of");

  await rosa.goto(`/tasks/${id}`);
  const activity = rosa.getByTestId("activity");
  await expect(activity).toContainText("Rosa Reviewer");
  await expect(activity).toContainText("approved");
  await expect(rosa.locator("section", { has: rosa.getByRole("heading", { name: "Audit history" }) })).toContainText("by Rosa Reviewer");
  // Reviewers browse and audit; creating is a manager's.
  const csrf = ((await (await rosa.request.get("/console-api/me")).json()) as { csrf_token: string }).csrf_token;
  const created = await rosa.request.post("/v1/projects", { data: { type: "annotation", name: "nope", params: {} }, headers: { "x-csrf-token": csrf } });
  expect(created.status()).toBe(403);
  expect(((await created.json()) as { error: string }).error).toContain("your role (reviewer)");

  await admin.goto("/audit/stats");
  await expect(admin.getByTestId("reviewer-table")).toContainText("Rosa Reviewer");
});
