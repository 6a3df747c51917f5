// `npm run bench:api` (SQLite) and `npm run bench:api:pg` (a throwaway PostgreSQL cluster): the
// embedded API on a large database, measured from outside like a client sees it. Seeds N tasks
// (`--tasks N`, or BENCH_TASKS; default 1,000,000), starts the real server as its own process and
// measures:
//  - the median time of list pages (first, filtered, deep offset, id prefix) and of the stats;
//  - create throughput with a live and a test key, and of a bare Fastify insert route on the same
//    database in the same run (the ratio is what the issue's budget is about);
//  - a mixed load (create, get, list) at 200 connections (`--load-seconds`, default 60), p99 and errors.
// Figures are printed and merged into bench-results.json (other keys kept); nothing is asserted.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { freePort } from "../../src/server/testing/processes";
import { BENCH_LIVE_KEY, BENCH_TEST_KEY, seedBenchData } from "./seed";
import { cpuMs, load, rssMb, startChild, type Child, type LoadResult } from "./processes";

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../bench-results.json");
const { values: args } = parseArgs({
  options: {
    tasks: { type: "string" },
    "create-seconds": { type: "string", default: "10" },
    "create-connections": { type: "string", default: "16" },
    "create-rounds": { type: "string", default: "3" },
    "load-seconds": { type: "string", default: "60" },
    "load-connections": { type: "string", default: "200" },
    "skip-export": { type: "boolean", default: false },
  },
});
const count = Number(args.tasks ?? process.env.BENCH_TASKS ?? 1_000_000);
const databaseUrl = process.env.DATABASE_URL || undefined;
const store = databaseUrl ? "pg" : "sqlite";
const runs = 7;
const DAY = 86_400_000;

const auth = (key: string) => ({ authorization: "Basic " + Buffer.from(`${key}:`).toString("base64") });
/** Where the created tasks' callbacks go: a receiver in this process that answers 200, as a client's would. */
let callbackUrl = "";
const createBody = (i: number | string) =>
  JSON.stringify({ callback_url: callbackUrl, instruction: "Which?", attachment_type: "text", attachment: `bench ${i}`, categories: ["a", "b"] });

async function startCallbackReceiver(): Promise<{ url: string; received: () => number; close: () => void }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      n++;
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/callback`, received: () => n, close: () => server.close() };
}

async function median(base: string, url: string, key = BENCH_LIVE_KEY): Promise<{ ms: number; bytes: number; total?: number }> {
  const times: number[] = [];
  let bytes = 0;
  let total: number | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(base + url, { headers: auth(key) });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${Buffer.from(body).toString()}`);
    times.push(performance.now() - t0);
    bytes = body.byteLength;
    if (i === 0) total = (JSON.parse(Buffer.from(body).toString()) as { total?: number }).total;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], bytes, total };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-api-"));
  const results: Record<string, number> = {};
  const put = (key: string, value: number) => (results[`${key}_${store}`] = Math.round(value * 10) / 10);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs; store ${store}`);
  console.log(`seeding ${count.toLocaleString("en")} tasks …`);
  const seeded = await seedBenchData(dataDir, count, databaseUrl);
  console.log(`seeded in ${seeded.seconds.toFixed(1)} s`);
  results[`api_tasks_${store}`] = count;
  results[`api_seed_s_${store}`] = Math.round(seeded.seconds);

  const receiver = await startCallbackReceiver();
  callbackUrl = receiver.url;
  const env = {
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "20" } : {}),
    DEMO_DATA: "0",
    RATE_LIMIT_PER_MINUTE: "0",
    DIST_DIR: path.join(dataDir, "none"),
    SCALE_LIVE_KEY: BENCH_LIVE_KEY,
    SCALE_TEST_KEY: BENCH_TEST_KEY,
    LOG_LEVEL: "info",
  };
  let server: Child | null = await startChild("src/server/main.ts", env, await freePort(), "/readyz");
  try {
    const base = server.url;
    const first = (await (await fetch(`${base}/v1/tasks?limit=1&offset=${Math.floor(count / 3)}`, { headers: auth(BENCH_LIVE_KEY) })).json()) as { docs: { task_id: string }[] };
    const someId = first.docs[0]?.task_id ?? "0";
    const since = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    const cases: [string, string, string | null][] = [
      ["list, first page (100)", "/v1/tasks", "api_list_first_ms"],
      ["list, status=pending", "/v1/tasks?status=pending&limit=50", "filtered"],
      ["list, type=annotation", "/v1/tasks?type=annotation&limit=50", "filtered"],
      ["list, project", "/v1/tasks?project=documents&limit=50", "filtered"],
      ["list, type + status", "/v1/tasks?type=comparison&status=canceled&limit=50", "filtered"],
      ["list, last 30 days + status", `/v1/tasks?start_time=${since(30)}&status=completed&limit=50`, "filtered"],
      ["list, 10 days ago, 1 day", `/v1/tasks?start_time=${since(10.5)}&end_time=${since(9.5)}&limit=50`, "filtered"],
      ["list, callback failed", "/v1/tasks?callback_succeeded=false&limit=50", "filtered"],
      ["list, unique_id", "/v1/tasks?unique_id=nope&limit=50", "filtered"],
      [`list, offset ${Math.floor(count / 2).toLocaleString("en")}`, `/v1/tasks?offset=${Math.floor(count / 2)}&limit=50`, "api_list_offset_half_ms"],
      ["list, status + deep offset", `/v1/tasks?status=completed&offset=${Math.floor(count / 4)}&limit=50`, "api_list_offset_half_ms"],
      [`list, id prefix ${someId.slice(0, 2)}`, `/v1/tasks?task_id=${someId.slice(0, 2)}&limit=50`, "api_id_prefix_ms"],
      [`list, id prefix ${someId.slice(0, 6)}`, `/v1/tasks?task_id=${someId.slice(0, 6)}&limit=50`, "api_id_prefix_ms"],
      [`list, id prefix ${someId.slice(0, 12)}`, `/v1/tasks?task_id=${someId.slice(0, 12)}&limit=50`, "api_id_prefix_ms"],
      ["stats, last 30 days", "/v1/stats", "api_stats_30d_ms"],
      ["stats, all 90 days", `/v1/stats?start_time=${since(91)}`, "api_stats_90d_ms"],
      ["stats, 90 days, one project", `/v1/stats?start_time=${since(91)}&project=documents`, "api_stats_90d_ms"],
      ["audit sample (10)", "/v1/audits/sample?size=10", null],
      ["audit stats", "/v1/audits/stats", "api_audit_stats_ms"],
    ];
    const worst = new Map<string, number>();
    console.log(`\n${"request".padEnd(34)} ${"median ms".padStart(10)} ${"bytes".padStart(10)} ${"total".padStart(10)}`);
    for (const [name, url, key] of cases) {
      const r = await median(base, url);
      console.log(`${name.padEnd(34)} ${r.ms.toFixed(1).padStart(10)} ${String(r.bytes).padStart(10)} ${(r.total?.toLocaleString("en") ?? "").padStart(10)}`);
      const k = key === "filtered" ? "api_list_filtered_max_ms" : key;
      if (k) worst.set(k, Math.max(worst.get(k) ?? 0, r.ms));
    }
    for (const [k, v] of worst) put(k, v);

    if (!args["skip-export"]) {
      // Export streams: the server's memory should not grow with the number of tasks exported.
      const before = rssMb(server.pid);
      let peak = before;
      const pid = server.pid;
      const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
      const t0 = performance.now();
      const res = await fetch(`${base}/v1/tasks/export?format=ndjson&type=categorization`, { headers: auth(BENCH_LIVE_KEY) });
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
          `server RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB`,
      );
    }

    // Create throughput: the bare insert route, then the API with a live and a test key.
    const seconds = Number(args["create-seconds"]);
    const connections = Number(args["create-connections"]);
    // CPU time per create of the process answering (the server's includes what a create sets off
    // in the background: a test-mode task's callback delivery) is a second yardstick, one the
    // machine's load from other work moves much less than requests per second.
    const cpu = { bare: 0, live: 0, test: 0 };
    const create = async (url: string, key: string, pid: number, which: keyof typeof cpu) => {
      const before = cpuMs(pid);
      const r = await load({ url, connections, seconds, headers: auth(key), requests: [{ method: "POST", path: "/v1/task/categorization", body: createBody("c") }] });
      // Background work a create set off (callbacks) counts too: give it a moment to finish.
      if (which === "test") await new Promise((resolve) => setTimeout(resolve, 1000));
      cpu[which] += (cpuMs(pid) - before) / Math.max(1, r.requests);
      return r;
    };
    // Rounds alternate the three, so the ratios compare like with like on a machine whose load
    // changes from minute to minute; rates are summed over the rounds.
    const rounds = Number(args["create-rounds"]);
    const bare = await startChild("e2e/bench/bare-insert.ts", env, await freePort(), "/");
    const sum = (a: LoadResult | null, b: LoadResult): LoadResult =>
      a ? { ...b, perSecond: a.perSecond + b.perSecond, p99: Math.max(a.p99, b.p99), errors: a.errors + b.errors, non2xx: a.non2xx + b.non2xx, requests: a.requests + b.requests } : b;
    let bareRate: LoadResult | null = null;
    let liveRate: LoadResult | null = null;
    let testRate: LoadResult | null = null;
    try {
      for (let round = 0; round < rounds; round++) {
        bareRate = sum(bareRate, await create(bare.url, BENCH_LIVE_KEY, bare.pid, "bare"));
        liveRate = sum(liveRate, await create(base, BENCH_LIVE_KEY, server.pid, "live"));
        testRate = sum(testRate, await create(base, BENCH_TEST_KEY, server.pid, "test"));
      }
    } finally {
      await bare.stop();
    }
    const rates = { bare: bareRate!, live: liveRate!, test: testRate! };
    for (const r of Object.values(rates)) r.perSecond /= rounds;
    console.log(`\ncreate at ${connections} connections, ${rounds} rounds of ${seconds} s (requests/s, p99 ms, errors):`);
    for (const [name, r] of [["bare insert route", rates.bare], ["API, live key", rates.live], ["API, test key", rates.test]] as const) {
      console.log(`  ${name.padEnd(20)} ${r.perSecond.toFixed(0).padStart(7)}/s  p99 ${String(r.p99).padStart(5)} ms  errors ${r.errors + r.non2xx}`);
    }
    put("api_create_bare_per_s", rates.bare.perSecond);
    put("api_create_per_s", rates.live.perSecond);
    results[`api_create_per_s_${store}_test`] = Math.round(rates.test.perSecond);
    results[`api_create_ratio_${store}`] = Math.round((rates.live.perSecond / rates.bare.perSecond) * 100) / 100;
    results[`api_create_ratio_${store}_test`] = Math.round((rates.test.perSecond / rates.bare.perSecond) * 100) / 100;
    console.log(`  callbacks received so far: ${receiver.received().toLocaleString("en")}`);
    for (const k of Object.keys(cpu) as (keyof typeof cpu)[]) cpu[k] /= rounds;
    console.log(`  CPU ms per create: bare ${cpu.bare.toFixed(2)}, live ${cpu.live.toFixed(2)}, test ${cpu.test.toFixed(2)} (bare/API: live ${(cpu.bare / cpu.live).toFixed(2)}, test ${(cpu.bare / cpu.test).toFixed(2)})`);
    results[`api_create_cpu_ratio_${store}`] = Math.round((cpu.bare / cpu.live) * 100) / 100;
    results[`api_create_cpu_ratio_${store}_test`] = Math.round((cpu.bare / cpu.test) * 100) / 100;
    console.log(`  ratio to bare: live ${results[`api_create_ratio_${store}`]}, test ${results[`api_create_ratio_${store}_test`]}`);

    // Mixed load: each connection creates (live and test), reads a task and a list page, in turn.
    const loadSeconds = Number(args["load-seconds"]);
    if (loadSeconds > 0) {
      const loadConnections = Number(args["load-connections"]);
      const mixed = await load({
        url: base,
        connections: loadConnections,
        seconds: loadSeconds,
        headers: auth(BENCH_LIVE_KEY),
        requests: [
          { method: "POST", path: "/v1/task/categorization", body: createBody("load") },
          { method: "GET", path: `/v1/task/${someId}` },
          { method: "GET", path: "/v1/tasks?limit=20" },
          { method: "GET", path: "/v1/tasks?status=pending&limit=20" },
        ],
      });
      console.log(
        `\nmixed load at ${loadConnections} connections for ${loadSeconds} s: ${mixed.requests.toLocaleString("en")} requests, ${mixed.perSecond.toFixed(0)}/s, ` +
          `p50 ${mixed.p50} ms, p99 ${mixed.p99} ms, errors ${mixed.errors}, non-2xx ${mixed.non2xx}`,
      );
      put("load_p99_ms", mixed.p99);
      results[`load_errors_${store}`] = mixed.errors + mixed.non2xx;
      put("load_per_s", mixed.perSecond);
    }
  } finally {
    await server?.stop();
    server = null;
    receiver.close();
  }
  results[`api_bench_load_avg_${store}`] = Math.round(os.loadavg()[0] * 100) / 100;

  const previous = fs.existsSync(RESULTS) ? (JSON.parse(fs.readFileSync(RESULTS, "utf8")) as Record<string, number>) : {};
  const merged = { ...previous, ...results };
  // The issue's single figure: the worse of the two stores measured so far.
  const p99s = [merged.load_p99_ms_sqlite, merged.load_p99_ms_pg].filter((v) => typeof v === "number");
  if (p99s.length > 0) merged.load_p99_ms = Math.max(...p99s);
  fs.writeFileSync(RESULTS, JSON.stringify(merged, null, 2) + "\n");
  console.log("\nbench-results.json:", JSON.stringify(results));
  if (!databaseUrl) fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
