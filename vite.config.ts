import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

// The SPA is built to dist/ and served by the same process as the API (src/server/main.ts).
// In development (`npm run dev`) Vite serves the SPA and forwards /v1 and /files to that server.
const apiTarget = process.env.DEV_API_URL ?? "http://127.0.0.1:8080";

// Build step: a `.br` (brotli, best) and a `.gz` (gzip -9) beside every compressible asset of the
// build, so the server sends them as they are (@fastify/static's preCompressed) instead of
// compressing on every request at the fast, weaker settings it can afford on the fly.

const COMPRESSIBLE = /\.(js|css|svg|html|json|txt|wasm)$/;
const MIN_BYTES = 1024;

function precompress(): Plugin {
  let outDir = "";
  return {
    name: "precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const assets = path.join(outDir, "assets");
      if (!fs.existsSync(assets)) return;
      for (const name of fs.readdirSync(assets)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const file = path.join(assets, name);
        const bytes = fs.readFileSync(file);
        if (bytes.length < MIN_BYTES) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
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
