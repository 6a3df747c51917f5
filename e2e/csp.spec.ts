// The console runs under its Content-Security-Policy: every main screen, on the demo data, with
// no `securitypolicyviolation` event (a blocked script, style, image, frame or fetch) and no CSP
// message in the console. The header itself is checked too, so the test can't pass by its absence.
import { expect, test } from "@playwright/test";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

test("no screen violates the Content-Security-Policy", async ({ page, request }) => {
  // About 30 screens, each waited on until the network is idle: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect|evaluate)/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });

  const auth = { Authorization: `Basic ${Buffer.from(`${LIVE_KEY}:`).toString("base64")}` };
  const byType = new Map<string, string>();
  for (const status of ["completed", "pending", "error"]) {
    const list = await (await request.get(`/v1/tasks?status=${status}&limit=100`, { headers: auth })).json();
    for (const t of list.docs as { task_id: string; type: string }[]) if (!byType.has(`${t.type}/${status}`)) byType.set(`${t.type}/${status}`, t.task_id);
  }
  const projects = (await (await request.get("/v1/projects", { headers: auth })).json()) as { name: string }[];

  const first = await page.goto(`/#key=${LIVE_KEY}`);
  const csp = first?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  const paths = [
    "/",
    "/tasks",
    ...[...byType.values()].map((id) => `/tasks/${id}`),
    "/projects",
    ...(projects[0] ? [`/projects/${encodeURIComponent(projects[0].name)}`] : []),
    "/audit",
    "/audit/stats",
    "/settings",
  ];
  const violations: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    // Let queries settle and images, masks, charts and frames load.
    await page.waitForLoadState("networkidle");
    const seen = await page.evaluate(() => window.__cspViolations ?? []);
    violations.push(...seen.map((v) => `${path}: ${v}`));
  }
  expect(byType.size).toBeGreaterThanOrEqual(10);
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});
