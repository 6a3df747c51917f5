// `npm run bench:api`: the embedded API on a large database. Seeds BENCH_TASKS tasks (default
// 1,000,000), starts the real server in this process and prints the median time of the list
// filters, deep pages, the dashboard stats, the audit sample, and the heap growth of a streamed
// export. Figures are printed, not asserted: compare them within one run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/server/config";
import { startServer } from "../../src/server/main";
import { BENCH_LIVE_KEY, seedBenchData } from "./seed";

const count = Number(process.env.BENCH_TASKS ?? 1_000_000);
const runs = 5;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-api-"));
  console.log(`seeding ${count.toLocaleString("en")} tasks in ${dataDir} …`);
  const seeded = await seedBenchData(dataDir, count);
  console.log(`seeded in ${seeded.seconds.toFixed(1)} s`);

  const server = await startServer(
    loadConfig({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", DEMO_DATA: "0", RATE_LIMIT_PER_MINUTE: "0", DIST_DIR: path.join(dataDir, "none") }),
    { quiet: true },
  );
  const base = `http://127.0.0.1:${server.port}`;
  const auth = { authorization: "Basic " + Buffer.from(`${BENCH_LIVE_KEY}:`).toString("base64") };

  async function time(url: string): Promise<{ median: number; bytes: number }> {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const res = await fetch(base + url, { headers: auth });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${Buffer.from(body).toString()}`);
      times.push(performance.now() - t0);
      bytes = body.byteLength;
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(runs / 2)], bytes };
  }

  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const cases: [string, string][] = [
    ["list, first page (100)", "/v1/tasks"],
    ["list, status=pending", "/v1/tasks?status=pending&limit=50"],
    ["list, type=annotation", "/v1/tasks?type=annotation&limit=50"],
    ["list, project", "/v1/tasks?project=documents&limit=50"],
    ["list, last 30 days + status", `/v1/tasks?start_time=${since}&status=completed&limit=50`],
    ["list, offset 500,000", "/v1/tasks?offset=500000&limit=50"],
    ["list, id prefix", "/v1/tasks?task_id=6a&limit=50"],
    ["stats, last 30 days", "/v1/stats"],
    ["stats, all 90 days", `/v1/stats?start_time=${new Date(Date.now() - 91 * 86_400_000).toISOString()}`],
    ["audit sample (10)", "/v1/audits/sample?size=10"],
    ["audit stats", "/v1/audits/stats"],
  ];
  console.log(`\n${"request".padEnd(34)} ${"median ms".padStart(10)} ${"bytes".padStart(10)}`);
  for (const [name, url] of cases) {
    const r = await time(url);
    console.log(`${name.padEnd(34)} ${r.median.toFixed(1).padStart(10)} ${String(r.bytes).padStart(10)}`);
  }

  // Export streams: the heap should not grow with the number of tasks exported.
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const t0 = performance.now();
  const res = await fetch(`${base}/v1/tasks/export?format=ndjson&type=categorization`, { headers: auth });
  let exported = 0;
  let bytes = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const b of value) if (b === 10) exported++;
  }
  clearInterval(timer);
  console.log(
    `\nexport ndjson: ${exported.toLocaleString("en")} tasks, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `heap ${(heapBefore / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB (server and reader share this process)`,
  );

  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
