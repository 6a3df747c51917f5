import { defineConfig } from "vitest/config";

// Unit tests live next to the code (src/**/*.test.ts); API tests start a real server on an
// ephemeral port with a real database file (src/server/**/*.api.test.ts).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
