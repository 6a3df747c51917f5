import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Task } from "../../schema";
import { startTestServer, type TestServer } from "../testing/harness";
import { testDatabaseUrl } from "../testing/database";
import { validBodies } from "../testing/fixtures";
import type { Db } from "./db";
import { claimPendingTasks } from "./leases";
import { waitFor } from "../testing/lifecycle";

// Claims on the store the server uses (SQLite, or PostgreSQL when the suite runs with
// DATABASE_URL): two connections claiming at once never get the same task, a lease keeps a task
// from others until it runs out, and a fresh task is left to its creator.

const N = 40;

describe("task leases", () => {
  let server: TestServer;
  let a: Db;
  let b: Db;
  const ids: string[] = [];

  beforeAll(async () => {
    // Test mode with a long delay: the tasks stay pending and the server's worker leaves them.
    server = await startTestServer({ TEST_MODE_DELAY_MS: "3600000" });
    for (let i = 0; i < N; i++) {
      const res = await server.api("/v1/task/categorization", { json: { ...validBodies.categorization, attachment_type: "text", attachment: `t${i}` } });
      ids.push(Task.parse(await res.json()).task_id);
    }
    [a, b] = await Promise.all([server.openDb(), server.openDb()]);
  });
  afterAll(async () => {
    await Promise.all([a?.destroy(), b?.destroy()]);
    await server.stop();
  });

  it("leaves fresh tasks to their creator", async () => {
    const claimed = await claimPendingTasks(a, { mode: "test", createdBefore: Date.now() - 60_000, leaseMs: 5_000, limit: N });
    expect(claimed).toEqual([]);
  });

  it("gives each task to one claimer when two claim at once, and holds it until the lease runs out", async () => {
    const now = Date.now();
    const claim = (db: Db) => claimPendingTasks(db, { mode: "test", createdBefore: now + 1, leaseMs: 60_000, limit: 7, now });
    // Many small claims racing from two connections until nothing is left.
    const got: string[][] = [];
    for (;;) {
      const [x, y] = await Promise.all([claim(a), claim(b)]);
      got.push(x.map((r) => r.id), y.map((r) => r.id));
      if (x.length === 0 && y.length === 0) break;
    }
    const all = got.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(ids));

    // Leased: nobody else gets them now; after the lease, anyone may.
    expect(await claim(a)).toEqual([]);
    const later = now + 60_001;
    const again = await claimPendingTasks(b, { mode: "test", createdBefore: later, leaseMs: 1_000, limit: N, now: later });
    expect(again.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it.skipIf(!testDatabaseUrl())("skips rows another process is claiming instead of waiting for them (PostgreSQL)", async () => {
    await a.updateTable("tasks").set({ leased_until: null }).where("id", "in", ids).execute();
    const claim = (db: Db, limit: number) => claimPendingTasks(db, { mode: "test", createdBefore: Date.now() + 1, leaseMs: 60_000, limit });
    await a.transaction().execute(async (trx) => {
      // Claimed but not committed yet: those rows are locked.
      const first = await claim(trx, 10);
      expect(first).toHaveLength(10);
      const second = await Promise.race([claim(b, N), new Promise<"blocked">((r) => setTimeout(() => r("blocked"), 3_000))]);
      expect(second).not.toBe("blocked");
      const taken = new Set(first.map((r) => r.id));
      expect((second as typeof first).filter((r) => taken.has(r.id))).toEqual([]);
      expect(second).toHaveLength(N - 10);
    });
  });

  it.skipIf(!testDatabaseUrl())("claims at most `limit` rows whatever plan PostgreSQL picks (a rescanned IN-subquery would take more)", async () => {
    await a.updateTable("tasks").set({ leased_until: null }).where("id", "in", ids).execute();
    const claimed = await a.transaction().execute(async (trx) => {
      // Steer the planner to a nested loop that rescans the subquery, as it may on big tables.
      for (const off of ["enable_hashjoin", "enable_mergejoin", "enable_material", "enable_hashagg", "enable_sort"]) {
        await sql.raw(`set local ${off} = off`).execute(trx);
      }
      return claimPendingTasks(trx, { mode: "test", createdBefore: Date.now() + 1, leaseMs: 60_000, limit: 3 });
    });
    expect(claimed).toHaveLength(3);
  });

  it.skipIf(testDatabaseUrl() !== null)("frees a dead process's leases at start on SQLite, where it was the only process", async () => {
    const first = await startTestServer({ TEST_MODE_DELAY_MS: "3600000" });
    const res = await first.api("/v1/task/categorization", { json: { ...validBodies.categorization, attachment_type: "text", attachment: "x" } });
    const id = Task.parse(await res.json()).task_id;
    // As if the process had claimed the task and died mid-completion.
    const db = await first.openDb();
    await db.updateTable("tasks").set({ leased_until: Date.now() + 3_600_000 }).where("id", "=", id).execute();
    await db.destroy();
    await first.stop();
    const second = await startTestServer({ DATA_DIR: first.dataDir, SCALE_TEST_KEY: first.testKey, SCALE_LIVE_KEY: first.liveKey });
    try {
      const done = await waitFor(async () => {
        const t = Task.parse(await (await second.api(`/v1/task/${id}`)).json());
        return t.status === "completed" ? t : null;
      }, 10_000, "completion after restart");
      expect(done.response).toBeDefined();
    } finally {
      await second.stop();
    }
  });
});
