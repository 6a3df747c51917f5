import { afterAll, describe, expect, it } from "vitest";
import { Task } from "../../schema";
import { tempDataDir } from "../testing/harness";
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from "../testing/database";
import { freePort, serverProcess, type ServerProcess } from "../testing/processes";
import { startLocalServer, waitFor, type LocalServer } from "../testing/lifecycle";

// Several processes on one PostgreSQL, with crashes: three servers, a client creating test-mode
// tasks against all three while processes are killed with SIGKILL and restarted at random.
// Afterwards every acknowledged task exists and is completed, and every one's callback was
// delivered at least once; duplicates are counted and printed. Before the kills, a calm phase
// checks that each callback is sent exactly once. Everything stays on 127.0.0.1.
// This is also the README's "two processes and PostgreSQL on one machine" set-up, with three.

const PROCESSES = 3;
const CLIENTS = 4;
const TRAFFIC_MS = 25_000;
const MIN_KILLS = 10;
const KILL_EVERY_MS = 2_000;

const random = (n: number) => Math.floor(Math.random() * n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!testDatabaseUrl())("several processes on one PostgreSQL, killed at random", () => {
  const procs: ServerProcess[] = [];
  let database: TestDatabase | null = null;
  let receiver: LocalServer | null = null;
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.kill()));
    await receiver?.close();
    await database?.drop();
  });

  it("loses no acknowledged task and no callback", async () => {
    database = await createTestDatabase();
    const deliveries = new Map<string, number>();
    receiver = await startLocalServer((req) => {
      const id = (JSON.parse(req.body) as { task_id: string }).task_id;
      deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
      return { status: 200 };
    });
    const key = `test_multi${Date.now().toString(16)}`;
    const auth = { authorization: "Basic " + Buffer.from(`${key}:`).toString("base64") };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...database.env,
      SCALE_TEST_KEY: key,
      SCALE_LIVE_KEY: `live_multi${Date.now().toString(16)}`,
      DEMO_DATA: "0",
      RATE_LIMIT_PER_MINUTE: "0",
      // A completion timer pending when a process dies is a task someone else must finish.
      TEST_MODE_DELAY_MS: "300",
      // Short leases so a dead process's work is taken over within the test.
      JOB_LEASE_MS: "5000",
      CALLBACK_RETRY_DELAYS_MS: Array(30).fill("500").join(","),
    };
    for (let i = 0; i < PROCESSES; i++) {
      const proc = serverProcess(await freePort(), { ...env, DATA_DIR: tempDataDir() });
      procs.push(proc);
      proc.start();
    }
    const up = async (p: ServerProcess) => (await fetch(`${p.url}/v1/tasks?limit=1`, { headers: auth }).catch(() => null))?.ok;
    for (const p of procs) await waitFor(() => up(p), 60_000, `process on port ${p.port}`);

    const create = (p: ServerProcess, text: string) =>
      fetch(`${p.url}/v1/task/categorization`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ callback_url: `${receiver!.url}/hook`, instruction: "Pick one", attachment_type: "text", attachment: text, categories: ["a", "b"] }),
        signal: AbortSignal.timeout(5_000),
      }).catch(() => null);

    // Normal operation first: all three processes up, nobody killed. Every callback is sent
    // exactly once, though all three dispatchers poll the same queue.
    const calm: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await create(procs[i % PROCESSES], `calm ${i}`);
      expect(res?.status).toBe(200);
      calm.push(Task.parse(await res!.json()).task_id);
    }
    await waitFor(() => calm.every((id) => deliveries.has(id)), 30_000, "callbacks without crashes");
    await sleep(1_000);
    expect(calm.map((id) => deliveries.get(id))).toEqual(calm.map(() => 1));

    // The client: create tasks against a random process; only a 200 counts as acknowledged.
    const acknowledged: string[] = [];
    let refused = 0;
    const until = Date.now() + TRAFFIC_MS;
    const client = async (c: number) => {
      for (let n = 0; Date.now() < until; n++) {
        const res = await create(procs[random(PROCESSES)], `client ${c} task ${n}`);
        if (res?.status === 200) acknowledged.push(Task.parse(await res.json()).task_id);
        else {
          refused++;
          await res?.body?.cancel();
          await sleep(50);
        }
      }
    };

    // The chaos: every few seconds a random process dies and comes back a moment later.
    let kills = 0;
    const chaos = async () => {
      while ((Date.now() < until - 2_000 || kills < MIN_KILLS) && Date.now() < until + 20_000) {
        await sleep(KILL_EVERY_MS / 2 + random(KILL_EVERY_MS));
        const p = procs[random(PROCESSES)];
        if (!p.child) continue;
        await p.kill();
        kills++;
        void sleep(random(1_500)).then(() => p.start());
      }
    };
    const started = Date.now();
    await Promise.all([chaos(), ...Array.from({ length: CLIENTS }, (_, c) => client(c))]);
    for (const p of procs) p.start();
    for (const p of procs) await waitFor(() => up(p), 60_000, `process on port ${p.port} after the chaos`);

    // Every acknowledged task gets its callback (leases of dead processes run out, then others
    // deliver), exists, and was completed exactly once.
    const undelivered = () => acknowledged.filter((id) => !deliveries.has(id));
    await waitFor(() => undelivered().length === 0, 45_000, `callbacks (${undelivered().length} missing)`).catch(() => undefined);
    const missingTasks: string[] = [];
    const notCompleted: string[] = [];
    for (const id of acknowledged) {
      const res = await fetch(`${procs[random(PROCESSES)].url}/v1/task/${id}`, { headers: auth });
      if (res.status !== 200) missingTasks.push(id);
      else if (Task.parse(await res.json()).status !== "completed") notCompleted.push(id);
    }
    const chaotic = new Map([...deliveries].filter(([id]) => !calm.includes(id)));
    const duplicates = [...chaotic.values()].reduce((sum, n) => sum + n - 1, 0);
    const unknown = [...chaotic.keys()].filter((id) => !acknowledged.includes(id)).length;
    console.log(
      `multi-process: without kills ${calm.length} tasks, each callback delivered once; with ${PROCESSES} processes and ${kills} SIGKILLs in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `${acknowledged.length} tasks acknowledged, ${refused} requests refused or cut off; ` +
        `${chaotic.size} tasks' callbacks delivered (${unknown} of tasks whose answer was lost), ` +
        `${duplicates} duplicate deliveries; missing: ${missingTasks.length} tasks, ${undelivered().length} callbacks`,
    );

    expect(kills).toBeGreaterThanOrEqual(10);
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(missingTasks).toEqual([]);
    expect(notCompleted).toEqual([]);
    expect(undelivered()).toEqual([]);
  }, 115_000);
});
