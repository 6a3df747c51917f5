// axe-core (WCAG 2 A and AA rules) on every main page of the console, in the light and the dark
// theme, on the demo data: a new violation (contrast too low, an unnamed control, an empty
// header...) fails the build. The report names the rule, the element and axe's explanation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

function auth(key: string) {
  return { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
}

async function firstCompletedTaskId(page: Page, type: string): Promise<string> {
  const res = await page.request.get(`/v1/tasks?status=completed&type=${type}&limit=1`, { headers: auth(LIVE_KEY) });
  const body = (await res.json()) as { docs: { task_id: string }[] };
  expect(body.docs.length, `a completed ${type} task in the demo data`).toBeGreaterThan(0);
  return body.docs[0].task_id;
}

/** One line per violating element, readable in the test output. */
function describe(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ")}`),
  );
}

const PAGES: { name: string; path: (page: Page) => Promise<string>; ready: (page: Page) => Promise<void> }[] = [
  {
    name: "overview",
    path: async () => "/",
    ready: async (page) => {
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
      await expect(page.locator(".recharts-surface").first()).toBeVisible();
    },
  },
  {
    name: "task list",
    path: async () => "/tasks",
    ready: async (page) => void (await expect(page.getByTestId("task-row").first()).toBeVisible()),
  },
  {
    name: "task detail",
    path: async (page) => `/tasks/${await firstCompletedTaskId(page, "annotation")}`,
    ready: async (page) => void (await expect(page.getByTestId("annotation-canvas")).toBeVisible()),
  },
  {
    name: "audit",
    path: async () => "/audit",
    ready: async (page) => void (await expect(page.getByTestId("audit-position")).toBeVisible()),
  },
  {
    name: "audit stats",
    path: async () => "/audit/stats",
    ready: async (page) => void (await expect(page.getByTestId("audit-totals")).toBeVisible()),
  },
  {
    name: "projects",
    path: async () => "/projects",
    ready: async (page) => void (await expect(page.getByRole("table", { name: "Projects" })).toBeVisible()),
  },
  {
    name: "create types",
    path: async () => "/create",
    ready: async (page) => void (await expect(page.getByRole("list", { name: "Task types" })).toBeVisible()),
  },
  {
    name: "create form",
    path: async () => "/create/annotation",
    ready: async (page) => void (await expect(page.getByRole("form", { name: "New annotation task" })).toBeVisible()),
  },
  {
    name: "settings",
    path: async () => "/settings",
    ready: async (page) => void (await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible()),
  },
];

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    for (const p of PAGES) {
      test(`${p.name} has no WCAG A/AA violations`, async ({ page }) => {
        await page.goto(`/#key=${LIVE_KEY}`);
        await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
        await page.goto(await p.path(page));
        await p.ready(page);
        await page.waitForLoadState("networkidle");
        // Frames hold the task's own attachment (a website task's page, sandboxed and lazily loaded):
        // the user's content, not ours, and a lazy frame below the fold never gets a context for axe
        // to run in (the audit sample sometimes lands on one, and axe then hangs until the timeout).
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude("iframe").analyze();
        // Plus one best-practice rule: a column header with no text (a screen reader announces nothing).
        const headers = await new AxeBuilder({ page }).withRules(["empty-table-header"]).exclude("iframe").analyze();
        expect(describe([...results.violations, ...headers.violations])).toEqual([]);
      });
    }
  });
}
