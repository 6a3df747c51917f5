// The console on a phone (390x844): the navigation is a menu, nothing is wider than the screen,
// filters stack and the task list is a list of cards.
import { expect, test, type Page } from "@playwright/test";

const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";
const TEST_KEY = process.env.E2E_TEST_KEY ?? "";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

function auth(key: string) {
  return { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
}

/** Everything that makes the page wider than the screen: a sideways scroll, or an element wider than it. */
async function overflowOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const scroller = document.scrollingElement;
    if (scroller && scroller.scrollWidth > scroller.clientWidth) out.push(`the page scrolls sideways (${scroller.scrollWidth} > ${scroller.clientWidth})`);
    const main = document.querySelector("main");
    if (main && main.scrollWidth > main.clientWidth) out.push(`main scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const width = el.getBoundingClientRect().width;
      if (width > viewport + 0.5) {
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""}`;
        out.push(`${name} is ${Math.round(width)} px wide`);
      }
    }
    return out.slice(0, 10);
  });
}

async function signIn(page: Page) {
  await page.goto(`/#key=${LIVE_KEY}`);
  await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeVisible();
}

test("the navigation is a menu: opens, moves focus into it, closes with Esc and after a link", async ({ page }) => {
  await signIn(page);
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Tasks" })).toBeHidden();
  // The sidebar no longer takes room from the page.
  expect((await page.getByRole("main").boundingBox())?.width).toBeGreaterThan(380);

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Overview" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav.getByRole("link", { name: "Tasks" })).toBeHidden();

  await menu.click();
  await nav.getByRole("link", { name: "Projects" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
});

test("the task list is a list of cards and its filters stack", async ({ page }) => {
  await signIn(page);
  await page.goto("/tasks");
  const cards = page.getByRole("list", { name: "Tasks" }).getByTestId("task-row");
  await expect(cards.first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Tasks" })).toHaveCount(0);
  // A card is big enough to tap and opens its task.
  const box = await cards.first().boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
  expect(box?.width).toBeGreaterThan(340);
  // The filters fold behind a button so the list starts near the top; opened, they stack.
  const filters = page.getByRole("search", { name: "Filter tasks" });
  await expect(filters).toHaveCount(0);
  await page.getByRole("button", { name: "Filters" }).click();
  await expect(page.getByRole("button", { name: "Hide filters" })).toHaveAttribute("aria-expanded", "true");
  const status = await filters.getByLabel("Status").boundingBox();
  const type = await filters.getByLabel("Type").boundingBox();
  expect(status && type && type.y === status.y && type.x > status.x).toBeTruthy();
  const from = await filters.getByLabel("Created from (UTC)").boundingBox();
  expect(from && status && from.y > status.y).toBeTruthy();
  const id = (await cards.first().getByRole("link").first().textContent()) ?? "";
  await cards.first().click({ position: { x: 200, y: 20 } });
  await expect(page).toHaveURL(new RegExp(`/tasks/${id}$`));
});

test("no main page is wider than a phone's screen", async ({ page }) => {
  const tasks = (await (await page.request.get("/v1/tasks?status=completed&type=annotation&limit=1", { headers: auth(LIVE_KEY) })).json()) as {
    docs: { task_id: string }[];
  };
  const projects = (await (await page.request.get("/v1/projects", { headers: auth(LIVE_KEY) })).json()) as { name: string }[];
  await signIn(page);
  const pages = [
    "/",
    "/tasks",
    `/tasks/${tasks.docs[0].task_id}`,
    "/audit",
    "/audit/stats",
    "/projects",
    `/projects/${encodeURIComponent(projects[0].name)}`,
    "/settings",
    "/create",
    "/create/annotation",
    "/create/transcription",
    "/try/annotation",
    "/try/segmentannotation",
  ];
  const problems: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    for (const p of await overflowOf(page)) problems.push(`${path}: ${p}`);
  }
  // The test-mode banner wraps instead of overflowing.
  await page.goto(`/tasks#key=${TEST_KEY}`);
  await expect(page.getByText("TEST MODE", { exact: true })).toBeVisible();
  for (const p of await overflowOf(page)) problems.push(`/tasks in test mode: ${p}`);
  const banner = await page.getByRole("status").filter({ hasText: "TEST MODE" }).evaluate((el) => el.scrollHeight <= el.clientHeight);
  expect(banner, "the banner's text fits in it").toBe(true);
  expect(problems).toEqual([]);
});
