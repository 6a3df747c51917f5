// `npm start`: build the SPA if it is missing or older than its sources, then run the server in
// this same process (one process serves the SPA, /v1 and /files).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

// DIST_DIR (also read by the server) lets several checkouts or test runs build into their own folder.
const distDir = path.resolve(root, process.env.DIST_DIR || "dist");
const built = path.join(distDir, "index.html");
const sources = Math.max(newestMtime(path.join(root, "src")), newestMtime(path.join(root, "public")), fs.statSync("index.html").mtimeMs);
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  console.log("Building the console (vite build)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn", "--outDir", distDir, "--emptyOutDir"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { register } = await import("tsx/esm/api");
register();
const { runFromCommandLine } = await import("../src/server/main.ts");
// Graceful on SIGTERM/SIGINT: requests in flight finish, deliveries are released, the database closes.
await runFromCommandLine();
