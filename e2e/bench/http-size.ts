// `npm run bench:http`: what the console costs on the wire. Starts the real server on the built
// SPA (DIST_DIR, default dist/) and a fresh data dir, creates 100 test-mode tasks of every type
// (completed by the test-mode worker, so responses are real), then measures, as a browser asks
// for them (Accept-Encoding: br, gzip / gzip only / none): the entry script and a 100-task list
// page. Figures go to bench-results.json (entry_js_gzip_kb, list_page_100_gzip_kb, …), other keys kept.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { TASK_TYPES } from "../../src/schema";
import { loadConfig } from "../../src/server/config";
import { startServer } from "../../src/server/main";
import { validBodies } from "../../src/server/testing/fixtures";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const RESULTS = path.join(ROOT, "bench-results.json");

function size(url: string, encoding: string | null, headers: Record<string, string> = {}): Promise<{ bytes: number; encoding: string | null; status: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { ...headers, ...(encoding ? { "accept-encoding": encoding } : {}) } }, (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve({ bytes, encoding: (res.headers["content-encoding"] as string) ?? null, status: res.statusCode ?? 0 }));
      })
      .on("error", reject);
  });
}

async function main() {
  const distDir = path.resolve(ROOT, process.env.DIST_DIR || "dist");
  if (!fs.existsSync(path.join(distDir, "index.html"))) throw new Error(`no built console in ${distDir}: run vite build first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-http-"));
  const key = "test_benchhttp0000000000000000000";
  const server = await startServer(
    loadConfig({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", DEMO_DATA: "0", RATE_LIMIT_PER_MINUTE: "0", DIST_DIR: distDir, SCALE_TEST_KEY: key }),
    { quiet: true },
  );
  const base = `http://127.0.0.1:${server.port}`;
  const auth = { authorization: "Basic " + Buffer.from(`${key}:`).toString("base64") };
  try {
    for (let i = 0; i < 100; i++) {
      const type = TASK_TYPES[i % TASK_TYPES.length];
      const res = await fetch(`${base}/v1/task/${type}`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify(validBodies[type]),
      });
      if (res.status !== 200) throw new Error(`create ${type}: HTTP ${res.status} ${await res.text()}`);
    }
    const html = await (await fetch(base + "/")).text();
    const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
    if (!entry) throw new Error("no entry script in index.html");

    const rows: [string, string, Record<string, string>][] = [
      ["entry script", entry, {}],
      ["list page, 100 tasks", "/v1/tasks?limit=100", auth],
    ];
    const figures: Record<string, number> = {};
    console.log(`${"what".padEnd(24)} ${"raw KB".padStart(9)} ${"gzip KB".padStart(9)} ${"br KB".padStart(9)}`);
    for (const [name, url, headers] of rows) {
      const raw = await size(base + url, null, headers);
      const gzip = await size(base + url, "gzip", headers);
      const br = await size(base + url, "br, gzip", headers);
      if (gzip.encoding !== "gzip" || br.encoding !== "br") throw new Error(`${url} was not compressed (${gzip.encoding}, ${br.encoding})`);
      const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
      console.log(`${name.padEnd(24)} ${String(kb(raw.bytes)).padStart(9)} ${String(kb(gzip.bytes)).padStart(9)} ${String(kb(br.bytes)).padStart(9)}`);
      const keyName = url === entry ? "entry_js" : "list_page_100";
      figures[`${keyName}_raw_kb`] = kb(raw.bytes);
      figures[`${keyName}_gzip_kb`] = kb(gzip.bytes);
      figures[`${keyName}_br_kb`] = kb(br.bytes);
    }
    const previous = fs.existsSync(RESULTS) ? (JSON.parse(fs.readFileSync(RESULTS, "utf8")) as Record<string, unknown>) : {};
    fs.writeFileSync(RESULTS, JSON.stringify({ ...previous, ...figures }, null, 2) + "\n");
    console.log(`\nwritten to ${path.relative(ROOT, RESULTS)}`);
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
