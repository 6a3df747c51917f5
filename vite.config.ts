import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The SPA is built to dist/ and served by the same process as the API (src/server/main.ts).
// In development (`npm run dev`) Vite serves the SPA and forwards /v1 and /files to that server.
const apiTarget = process.env.DEV_API_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: {
      "/v1": apiTarget,
      "/files": apiTarget,
      "/console-api": apiTarget,
    },
  },
});
