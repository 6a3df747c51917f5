import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The SPA is built to dist/ and served by the same process as the API (src/server/main.ts).
// In development (`npm run dev`) Vite serves the SPA and forwards /v1 and /files to that server.
const apiTarget = process.env.DEV_API_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // zod and src/app/csp.ts (which turns zod's eval probe off, for the CSP) in one chunk of
        // their own, so that setting runs before any chunk builds a schema.
        codeSplitting: { groups: [{ name: "zod", test: /node_modules[\\/]zod[\\/]|src[\\/]app[\\/]csp\.ts$/, priority: 10 }] },
      },
    },
  },
  server: {
    proxy: {
      "/v1": apiTarget,
      "/files": apiTarget,
      "/console-api": apiTarget,
    },
  },
});
