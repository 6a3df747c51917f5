import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CallbackLog, Task } from "../../../schema";
import { tempDataDir } from "../../testing/harness";
import { createTestDatabase, type TestDatabase } from "../../testing/database";
import { startLocalServer, waitFor } from "../../testing/lifecycle";
import { freePort, spawnServer } from "../../testing/processes";

// At-least-once across crashes: the server is a child process, killed with SIGKILL while a
// callback waits for its next retry, then started again on the same data dir.

describe("callback delivery survives kill -9", () => {
  const children: ChildProcess[] = [];
  let database: TestDatabase | null = null;
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await database?.drop();
  });

  it("resumes after a crash mid-retry and records exactly one success", async () => {
    // 500 for the first three POSTs, then 200.
    const receiver = await startLocalServer((_req, i) => ({ status: i < 3 ? 500 : 200 }));
    const port = await freePort();
    const dataDir = tempDataDir();
    // SQLite in dataDir, or a schema of its own when the suite runs on PostgreSQL.
    database = await createTestDatabase();
    const key = `test_crash${Date.now().toString(16)}`;
    const env = {
      ...process.env,
      ...database.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      SCALE_TEST_KEY: key,
      SCALE_LIVE_KEY: `live_crash${Date.now().toString(16)}`,
      CALLBACK_RETRY_DELAYS_MS: "600,600,600,600,600",
      // On PostgreSQL a dead process's lease is not freed at start (others may be alive): it
      // runs out. Short here so the takeover happens within the test.
      JOB_LEASE_MS: "3000",
      DEMO_DATA: "0",
      RATE_LIMIT_PER_MINUTE: "0",
      DIST_DIR: path.join(dataDir, "no-dist"),
    };
    const base = `http://127.0.0.1:${port}`;
    const auth = { authorization: "Basic " + Buffer.from(`${key}:`).toString("base64") };
    const launch = async () => {
      const child = spawnServer(env);
      children.push(child);
      await waitFor(async () => (await fetch(`${base}/v1/tasks?limit=1`, { headers: auth }).catch(() => null))?.ok, 30_000, "server start");
      return child;
    };

    const first = await launch();
    const res = await fetch(`${base}/v1/task/categorization`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ callback_url: `${receiver.url}/hook`, instruction: "Pick", attachment_type: "text", attachment: "x", categories: ["a", "b"] }),
    });
    const task = Task.parse(await res.json());

    // Two attempts failed; the third is scheduled 600 ms later. Crash now.
    await waitFor(() => receiver.received.length >= 2, 10_000, "two failed attempts");
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const beforeRestart = receiver.received.length;
    expect(beforeRestart).toBe(2);

    await launch();
    const log = await waitFor(async () => {
      const l = CallbackLog.parse(await (await fetch(`${base}/v1/task/${task.task_id}/callbacks`, { headers: auth })).json());
      return l.attempts.some((a) => a.succeeded) && !l.pending ? l : null;
    }, 20_000, "delivery after restart");
    const t = Task.parse(await (await fetch(`${base}/v1/task/${task.task_id}`, { headers: auth })).json());
    expect(t.callback_succeeded).toBe(true);
    expect(log.attempts.filter((a) => a.succeeded)).toHaveLength(1);
    expect(log.attempts.at(-1)?.status_code).toBe(200);
    // Every POST the receiver got is recorded (at least once: a crash may repeat, never lose).
    expect(log.attempts.length).toBeGreaterThanOrEqual(receiver.received.length - 1);
    expect(receiver.received.filter((_, i) => i >= 3)).toHaveLength(1);
    await receiver.close();
  }, 90_000);
});
