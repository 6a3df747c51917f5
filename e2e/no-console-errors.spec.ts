// Every screen of the console, opened as a signed-in user on the demo data, logs no console
// errors and throws nothing: a broken query, a React warning promoted to an error or a failed
// asset shows up here before a user sees it.
import { expect, test } from "@playwright/test";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";

test("no screen logs a console error", async ({ page, request }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    // Website previews are sandboxed without scripts on purpose; Playwright's own frame helpers
    // trip that sandbox, which Chromium reports as an error of the page.
    if (m.type() === "error" && !/Blocked script execution in .* sandboxed/.test(m.text())) {
      problems.push(`${page.url()}: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));

  const auth = { Authorization: `Basic ${Buffer.from(`${LIVE_KEY}:`).toString("base64")}` };
  const list = await (await request.get("/v1/tasks?status=completed&limit=100", { headers: auth })).json();
  const byType = new Map<string, string>();
  for (const t of list.docs as { task_id: string; type: string }[]) if (!byType.has(t.type)) byType.set(t.type, t.task_id);
  const projects = (await (await request.get("/v1/projects", { headers: auth })).json()) as { name: string }[];

  await page.goto(`/#key=${LIVE_KEY}`);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const paths = [
    "/",
    "/tasks",
    "/tasks?status=pending",
    ...[...byType.values()].map((id) => `/tasks/${id}`),
    "/projects",
    ...(projects[0] ? [`/projects/${encodeURIComponent(projects[0].name)}`] : []),
    "/audit",
    "/audit/stats",
    "/settings",
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    // Let queries settle and images, masks and charts load.
    await page.waitForLoadState("networkidle");
  }
  expect(byType.size).toBeGreaterThanOrEqual(8);
  expect(problems).toEqual([]);
});
