import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CallbackLog, Task } from "../../../schema";
import { startTestServer, tempDataDir, type TestServer } from "../../testing/harness";
import { createTestDatabase, type TestDatabase } from "../../testing/database";
import { freePort, serverProcess, type ServerProcess } from "../../testing/processes";
import { waitFor } from "../../testing/lifecycle";

// A test-mode create (no delay) writes its callback job leased to its own process, which POSTs
// it as soon as the create has committed, with no claim query. Sent once in normal operation,
// and never lost: a process killed with the POSTs in flight leaves the jobs to whoever claims
// them when the lease runs out (a restart on SQLite frees them at once).

const body = (callbackUrl: string, i: number) => ({
  callback_url: callbackUrl,
  instruction: "Pick",
  attachment_type: "text",
  attachment: `item ${i}`,
  categories: ["a", "b"],
});

/** A callback receiver that holds every POST unanswered until `answering` is set. */
async function receiver() {
  const posts: string[] = [];
  const state = { answering: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      posts.push((JSON.parse(Buffer.concat(chunks).toString("utf8")) as { task_id: string }).task_id);
      if (state.answering) res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    posts,
    state,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

describe("callback jobs written leased to their creating process", () => {
  let server: TestServer | null = null;
  let proc: ServerProcess | null = null;
  let database: TestDatabase | null = null;
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await server?.stop();
    await proc?.kill();
    await database?.drop();
    for (const c of closers) await c();
  });

  it("are each POSTed exactly once, and recorded as one successful attempt", async () => {
    const rx = await receiver();
    closers.push(rx.close);
    rx.state.answering = true;
    server = await startTestServer();
    const created = await Promise.all(Array.from({ length: 24 }, (_, i) => server!.api("/v1/task/categorization", { json: body(rx.url, i) })));
    const ids = await Promise.all(created.map(async (r) => Task.parse(await r.json()).task_id));
    await waitFor(async () => {
      const rows = await server!.db.selectFrom("tasks").select("callback_succeeded").where("id", "in", ids).execute();
      return rows.every((r) => r.callback_succeeded === 1);
    }, 15_000, "every callback delivered");
    // A moment for any second delivery to show up (none may).
    await new Promise((r) => setTimeout(r, 300));
    expect([...rx.posts].sort()).toEqual([...ids].sort());
    const attempts = await server.db.selectFrom("callback_attempts").select(["task_id", "succeeded"]).where("task_id", "in", ids).execute();
    expect(attempts).toHaveLength(ids.length);
    expect(attempts.every((a) => a.succeeded === 1)).toBe(true);
  });

  it("are delivered after a kill -9 with their POSTs in flight", async () => {
    const rx = await receiver();
    closers.push(rx.close);
    const dataDir = tempDataDir();
    database = await createTestDatabase();
    const key = `test_own${Date.now().toString(16)}`;
    proc = serverProcess(await freePort(), {
      ...process.env,
      ...database.env,
      DATA_DIR: dataDir,
      SCALE_TEST_KEY: key,
      SCALE_LIVE_KEY: `live_own${Date.now().toString(16)}`,
      // Long enough that no POST times out before the kill; short enough for PostgreSQL's takeover.
      JOB_LEASE_MS: "6000",
      DEMO_DATA: "0",
      RATE_LIMIT_PER_MINUTE: "0",
      DIST_DIR: path.join(dataDir, "no-dist"),
    });
    const auth = { authorization: "Basic " + Buffer.from(`${key}:`).toString("base64") };
    const api = (p: string, init: RequestInit = {}) => fetch(proc!.url + p, { ...init, headers: { ...auth, "content-type": "application/json" } });
    const up = () => waitFor(async () => (await api("/v1/tasks?limit=1").catch(() => null))?.ok, 30_000, "server start");
    proc.start();
    await up();

    const created = await Promise.all(Array.from({ length: 5 }, (_, i) => api("/v1/task/categorization", { method: "POST", body: JSON.stringify(body(rx.url, i)) })));
    const ids = await Promise.all(created.map(async (r) => Task.parse(await r.json()).task_id));
    // Every POST reached the receiver, none is answered: kill the process now.
    await waitFor(() => rx.posts.length >= ids.length, 10_000, "the first POSTs");
    await proc.kill();
    rx.state.answering = true;

    proc.start();
    await up();
    for (const id of ids) {
      const log = await waitFor(async () => {
        const l = CallbackLog.parse(await (await api(`/v1/task/${id}/callbacks`)).json());
        return l.attempts.some((a) => a.succeeded) && !l.pending ? l : null;
      }, 30_000, `delivery of ${id} after the restart`);
      // The unanswered POST of the killed process was never recorded: one attempt, the successful one.
      expect(log.attempts).toHaveLength(1);
    }
    // At least once: each task's callback was POSTed before the kill and again after it.
    for (const id of ids) expect(rx.posts.filter((p) => p === id).length).toBeGreaterThanOrEqual(2);
  });
});
