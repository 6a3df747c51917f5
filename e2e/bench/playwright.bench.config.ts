import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

// `npm run bench`: serves e2e/bench/bench.html (one page, ?scenario=view|edit|mask) with Vite (root = the repo, so it imports
// src/canvas as the app does) and runs the benchmark in headless Chromium with software
// rendering, printing figures. Timings are reported, not asserted.
const PORT = Number(process.env.BENCH_PORT ?? 5199);

export default defineConfig({
  testDir: ".",
  testMatch: "*.bench.ts",
  timeout: 300_000,
  workers: 1,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1600, height: 1000 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `npx vite --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/e2e/bench/bench.html`,
    reuseExistingServer: false,
    timeout: 120_000,
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
  },
});
