import { defineConfig } from "@playwright/test";

// End-to-end tests: the real server (`npm start`'s entry) with demo data on a fresh data dir,
// driven in Debian's Chromium (Playwright cannot download its own browsers on these machines).
const PORT = Number(process.env.E2E_PORT ?? 4517);
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";
export const E2E_TEST_KEY = "test_e2e0000000000000000000000000";
export const E2E_LIVE_KEY = "live_e2e0000000000000000000000000";
process.env.E2E_TEST_KEY = E2E_TEST_KEY;
process.env.E2E_LIVE_KEY = E2E_LIVE_KEY;

export default defineConfig({
  testDir: "e2e",
  testIgnore: ["bench/**"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: "retain-on-failure",
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
    command: `rm -rf ${DATA_DIR} && node scripts/start.mjs`,
    url: `http://127.0.0.1:${PORT}/console-api/config`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR,
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      SCALE_TEST_KEY: E2E_TEST_KEY,
      SCALE_LIVE_KEY: E2E_LIVE_KEY,
      DEMO_DATA: "1",
      RATE_LIMIT_PER_MINUTE: "0",
      CALLBACK_RETRY_DELAYS_MS: "200,500,1000",
      // The JSON request log would drown the test output; warnings and errors still show.
      LOG_LEVEL: "warn",
    },
  },
});
