// `npm run screenshots`: regenerates docs/screenshots/*.png from a fresh server with demo data,
// in headless Chromium, so the README shows what the console really looks like today.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const out = path.join(root, "docs", "screenshots");
fs.mkdirSync(out, { recursive: true });

const { register } = await import("tsx/esm/api");
register();
const { loadConfig } = await import("../src/server/config.ts");
const { startServer } = await import("../src/server/main.ts");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "screenshots-"));
const live = "live_screenshots000000000000000000";
const test = "test_screenshots000000000000000000";
const server = await startServer(
  loadConfig({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", SCALE_LIVE_KEY: live, SCALE_TEST_KEY: test, RATE_LIMIT_PER_MINUTE: "0" }),
  { quiet: true },
);
const base = `http://127.0.0.1:${server.port}`;
const auth = { authorization: "Basic " + Buffer.from(`${live}:`).toString("base64") };
const firstOf = async (query) => (await (await fetch(`${base}/v1/tasks?${query}&limit=1`, { headers: auth })).json()).docs[0]?.task_id;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
async function shoot(name, url, { key = live, scheme = "light", then } = {}) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
  if (key) {
    await page.goto(`${base}/#key=${key}`);
    await page.getByRole("navigation", { name: "Main" }).waitFor();
  }
  await page.goto(base + url);
  await page.waitForLoadState("networkidle");
  if (then) await then(page);
  await page.waitForTimeout(500); // chart animations
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  await page.close();
  console.log(`docs/screenshots/${name}.png  ${url}`);
}

const box = await firstOf("type=annotation&status=completed");
const cuboid = await firstOf("type=cuboidannotation&status=completed");
const project = (await (await fetch(`${base}/v1/projects`, { headers: auth })).json())[0]?.name;
await shoot("sign-in", "/", { key: null });
await shoot("overview", "/");
await shoot("tasks", "/tasks");
await shoot("task-detail", `/tasks/${box}`);
await shoot("task-detail-cuboid", `/tasks/${cuboid}`);
await shoot("projects", "/projects");
if (project) await shoot("project", `/projects/${encodeURIComponent(project)}`);
await shoot("audit", "/audit");
await shoot("audit-stats", "/audit/stats");
await shoot("settings", "/settings");
await shoot("tasks-test-mode-dark", "/tasks", { key: test, scheme: "dark" });
await shoot("create", "/create/annotation");
// The workbench: claim the next pending live box task as a labeler would.
await shoot("work", "/work?type=annotation", {
  async then(page) {
    await page.getByRole("button", { name: /Start labeling/ }).click();
    await page.waitForURL(/\/work\/[0-9a-f]{24}/);
    await page.waitForLoadState("networkidle");
  },
});

await browser.close();
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
