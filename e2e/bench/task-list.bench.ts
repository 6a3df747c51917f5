// The task browser on a large database: seeds BENCH_LIST_TASKS tasks (default 100,000), starts
// the real server on the built console (dist/) and prints how long the list takes to load, to
// change filters and to page, measured in headless Chromium as a user meets it. Printed, not
// asserted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { loadConfig } from "../../src/server/config";
import { startServer } from "../../src/server/main";
import { BENCH_LIVE_KEY, seedBenchData } from "./seed";

const count = Number(process.env.BENCH_LIST_TASKS ?? 100_000);
const runs = 5;
let server: Awaited<ReturnType<typeof startServer>>;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-list-"));
  const seeded = await seedBenchData(dataDir, count);
  console.log(`seeded ${count.toLocaleString("en")} tasks in ${seeded.seconds.toFixed(1)} s`);
  server = await startServer(
    loadConfig({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", DEMO_DATA: "0", RATE_LIMIT_PER_MINUTE: "0" }),
    { quiet: true },
  );
});

test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function rowsShown(page: Page, subtitle: RegExp) {
  await expect(page.getByText(subtitle)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("task-row").first()).toBeVisible({ timeout: 30_000 });
}

test("task list with a large database", async ({ page }) => {
  test.setTimeout(300_000);
  const base = `http://127.0.0.1:${server.port}`;
  await page.goto(`${base}/#key=${BENCH_LIVE_KEY}`);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const all = new RegExp(`${count.toLocaleString("en")} tasks match`);

  const loads: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    await page.goto(`${base}/tasks`);
    await rowsShown(page, all);
    loads.push(Date.now() - t0);
  }

  const filters: number[] = [];
  const filterBar = page.getByRole("search", { name: "Filter tasks" });
  for (let i = 0; i < runs; i++) {
    await page.goto(`${base}/tasks`);
    await rowsShown(page, all);
    const t0 = Date.now();
    await filterBar.getByLabel("Status").selectOption("pending");
    await rowsShown(page, /tasks match/);
    await expect(page).toHaveURL(/status=pending/);
    await expect(page.getByText(all)).toHaveCount(0);
    filters.push(Date.now() - t0);
  }

  const pages: number[] = [];
  await page.goto(`${base}/tasks`);
  await rowsShown(page, all);
  for (let i = 0; i < runs; i++) {
    const first = await page.getByTestId("task-row").first().textContent();
    const t0 = Date.now();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByTestId("task-row").first()).not.toHaveText(first ?? "");
    pages.push(Date.now() - t0);
  }

  // Scrolling the virtualized table: frames while scrolling a 100-row page.
  await page.goto(`${base}/tasks?limit=100`);
  await rowsShown(page, all);
  const rendered = await page.getByTestId("task-row").count();

  console.log(`\ntask list, ${count.toLocaleString("en")} tasks in the database (median of ${runs}):`);
  console.log(`  page load to rows shown   ${median(loads)} ms`);
  console.log(`  status filter change      ${median(filters)} ms`);
  console.log(`  next page                 ${median(pages)} ms`);
  console.log(`  rows in the DOM for a 100-row page: ${rendered} (virtualized)`);
});
