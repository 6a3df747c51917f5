// Batch creation of 10,000 tasks in the browser against the real server: the create form's
// batch panel reads a 10,000-row CSV, dry-runs every row, and sends them (4 at a time). Prints
// the phases and the longest main-thread task (the page must not freeze), and merges
// batch_10k_rows_s (and the phases) into bench-results.json. Printed, not asserted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { loadConfig } from "../../src/server/config";
import { startServer } from "../../src/server/main";
import { BENCH_LIVE_KEY, seedBenchData } from "./seed";

const ROWS = Number(process.env.BENCH_BATCH_ROWS ?? 10_000);
const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../bench-results.json");
let server: Awaited<ReturnType<typeof startServer>>;
let dataDir: string;

function mergeResults(figures: Record<string, number>): void {
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(fs.readFileSync(RESULTS, "utf8")) as Record<string, unknown>;
  } catch {
    // No results yet: start a new file.
  }
  fs.writeFileSync(RESULTS, JSON.stringify({ ...existing, ...figures }, null, 2) + "\n");
}

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-batch-"));
  await seedBenchData(dataDir, 0);
  server = await startServer(
    loadConfig({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", DEMO_DATA: "0", RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "warn", DIST_DIR: process.env.DIST_DIR ?? "" }),
    { quiet: true },
  );
});

test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
  }
}

test(`batch creation of ${ROWS.toLocaleString("en-US")} rows in the browser`, async ({ page }) => {
  test.setTimeout(900_000);
  const base = `http://127.0.0.1:${server.port}`;
  const csv = Papa.unparse(
    Array.from({ length: ROWS }, (_, i) => ({
      attachment: `${base}/sample-images/chelsea.png?row=${i + 1}`,
      objects_to_annotate: i % 2 ? "car|truck" : '["car", {"choice": "person", "subchoices": ["adult", "child"]}]',
      with_labels: "true",
      min_width: String(i % 50),
      callback_url: "http://127.0.0.1:9/callback",
      camera: `cam-${i % 7}`,
    })),
  );

  const csvPath = path.join(dataDir, "bench.csv");
  fs.writeFileSync(csvPath, csv);
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${base}/create/annotation#key=${BENCH_LIVE_KEY}`);
  // The panel sits in the form's closed "Batch" section.
  await page.getByText("Batch: many tasks from a CSV or JSONL file").click({ timeout: 60_000 });
  const panel = page.getByRole("region", { name: "Create many from a file" });
  await expect(panel).toBeVisible();
  await page.evaluate(() => (window.__longTasks = []));
  const rows = ROWS.toLocaleString("en-US");

  const now = () => page.evaluate(() => performance.now());
  const p0 = await now();
  const t0 = Date.now();
  // A file on disk, as a user picks one (a buffer would be decoded by script in the page, and timed here).
  await panel.getByLabel("Batch file (CSV or JSON Lines)").setInputFiles(csvPath);
  await expect(panel.getByRole("button", { name: `Check ${rows} rows` })).toBeEnabled({ timeout: 120_000 });
  const t1 = Date.now();
  const p1 = await now();
  await panel.getByRole("button", { name: `Check ${rows} rows` }).click();
  await expect(panel.getByTestId("batch-dry-run")).toContainText(`${rows} rows are valid`, { timeout: 300_000 });
  const t2 = Date.now();
  const p2 = await now();
  await panel.getByRole("button", { name: `Create ${rows} tasks` }).click();
  await expect(panel.getByTestId("batch-counts")).toContainText("Done", { timeout: 900_000 });
  const t3 = Date.now();
  await expect(panel.getByTestId("batch-counts").locator('[data-count="created"]')).toHaveText(`${rows} created`);
  const longTasks = await page.evaluate(() => window.__longTasks);

  const res = await fetch(`${base}/v1/tasks?limit=1`, { headers: { Authorization: `Basic ${Buffer.from(`${BENCH_LIVE_KEY}:`).toString("base64")}` } });
  const total = ((await res.json()) as { total: number }).total;
  const figures = {
    batch_10k_rows_s: Number(((t3 - t0) / 1000).toFixed(1)),
    batch_10k_parse_s: Number(((t1 - t0) / 1000).toFixed(2)),
    batch_10k_dry_run_s: Number(((t2 - t1) / 1000).toFixed(2)),
    batch_10k_send_s: Number(((t3 - t2) / 1000).toFixed(1)),
    batch_10k_longest_task_ms: Math.round(Math.max(0, ...longTasks.map((t) => t.duration))),
  };
  console.log(`\nbatch creation, ${rows} CSV rows, annotation tasks, real server (SQLite), headless Chromium:`);
  console.log(`  read the file              ${figures.batch_10k_parse_s} s`);
  console.log(`  dry run (every row)        ${figures.batch_10k_dry_run_s} s`);
  console.log(`  send (4 at a time)         ${figures.batch_10k_send_s} s  (${Math.round(ROWS / ((t3 - t2) / 1000))} tasks/s)`);
  console.log(`  total                      ${figures.batch_10k_rows_s} s`);
  // Which phase the long tasks (over 50 ms) fell in: the page must stay responsive in each.
  const phase = (start: number) => (start < p0 ? "before" : start < p1 ? "read" : start < p2 ? "dry run" : "send");
  const byPhase = new Map<string, number[]>();
  for (const t of longTasks) byPhase.set(phase(t.start), [...(byPhase.get(phase(t.start)) ?? []), t.duration]);
  console.log(`  main-thread long tasks: ${longTasks.length}, longest ${figures.batch_10k_longest_task_ms} ms`);
  for (const [name, ds] of byPhase) console.log(`    ${name}: ${ds.length}, longest ${Math.round(Math.max(...ds))} ms`);
  console.log(`  tasks in the database: ${total}`);
  if (ROWS === 10_000) mergeResults(figures);
});
