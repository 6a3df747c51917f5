import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "./db";
import { createAccount } from "./accounts";
import { newObjectId } from "./ids";
import type { TaskRow } from "./tasks";
import { tempDataDir } from "../testing/harness";
import { createTestDatabase, type TestDatabase } from "../testing/database";
import { insertTask, writeTasks, type NewTask } from "./create-batch";

// Creates queued together are written together (one statement on PostgreSQL), yet each succeeds
// or fails alone and gets its own callback job ids. On SQLite, and on PostgreSQL with DATABASE_URL.
describe("insertTask", () => {
  let dir: string;
  let database: TestDatabase;
  let db: Db;
  let accountId: string;
  beforeEach(async () => {
    dir = tempDataDir();
    database = await createTestDatabase();
    db = await openDatabase({ dataDir: dir, databaseUrl: database.env.DATABASE_URL, poolSize: 4 });
    accountId = await createAccount(db, "Acme");
  });
  afterEach(async () => {
    await db.destroy();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const task = (uniqueId: string | null): TaskRow => {
    const now = Date.now();
    return {
      id: newObjectId(now),
      account_id: accountId,
      mode: "test",
      type: "categorization",
      status: "completed",
      project: null,
      project_param_version: null,
      instruction: "",
      params: "{}",
      response: '{"category":"a"}',
      urgency: "standard",
      callback_url: "http://example.com/cb",
      metadata: "{}",
      unique_id: uniqueId,
      created_at: now,
      completed_at: now,
      callback_succeeded: null,
      sample_key: 0.5,
      leased_until: null,
    };
  };
  /** A create with every kind of row a create writes. */
  const create = (t: TaskRow, jobs = 1): NewTask => ({
    task: t,
    attachmentChecks: [{ task_id: t.id, checked_at: t.created_at }],
    taskAttachments: [{ task_id: t.id, url: "http://example.com/a.png", status_code: 200, error: null, content_type: "image/png", width: 4, height: 3, checked_at: t.created_at }],
    callbackJobs: Array.from({ length: jobs }, (_, i) => ({
      task_id: t.id,
      account_id: accountId,
      body: `{"n":${i}}`,
      url: "http://example.com/cb",
      status: "pending" as const,
      attempts: 0,
      next_attempt_at: t.created_at,
      created_at: t.created_at,
      updated_at: t.created_at,
      leased_until: null,
    })),
  });
  const ids = async (table: "tasks" | "attachment_checks" | "task_attachments" | "callback_jobs") =>
    (await db.selectFrom(table).select(table === "tasks" ? "id as t" : "task_id as t").execute()).map((r) => r.t).sort();

  it("stores every row of every create queued together, and gives each its own job ids", async () => {
    const rows = [task(null), task(null), task(null)];
    const stored = await Promise.all(rows.map((r, i) => insertTask(db, create(r, i + 1))));
    const sorted = rows.map((r) => r.id).sort();
    expect(await ids("tasks")).toEqual(sorted);
    expect(await ids("attachment_checks")).toEqual(sorted);
    expect(await ids("task_attachments")).toEqual(sorted);
    expect(stored.map((s) => s.callbackJobIds.length)).toEqual([1, 2, 3]);
    const jobs = await db.selectFrom("callback_jobs").select(["id", "task_id", "body"]).execute();
    for (const [i, s] of stored.entries()) {
      const mine = jobs.filter((j) => j.task_id === rows[i].id);
      expect(s.callbackJobIds).toEqual(mine.map((j) => j.id).sort((a, b) => a - b));
      // In the order the create gave them.
      expect(s.callbackJobIds.map((id) => mine.find((j) => j.id === id)!.body)).toEqual(mine.map((_, n) => `{"n":${n}}`));
    }
  });

  it("a failing create fails its own caller only; the others of its batch are stored whole", async () => {
    const a = task("same");
    const b = task("same");
    const c = task(null);
    const results = await Promise.allSettled([a, b, c].map((r) => insertTask(db, create(r))));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/i);
    const kept = [a.id, c.id].sort();
    expect(await ids("tasks")).toEqual(kept);
    // Nothing of the refused create is left: not its check, its attachment row, nor its job.
    expect(await ids("attachment_checks")).toEqual(kept);
    expect(await ids("task_attachments")).toEqual(kept);
    expect(await ids("callback_jobs")).toEqual(kept);
  });

  it("is atomic: a create whose second table refuses its row leaves no task behind", async () => {
    const t = task(null);
    const bad: NewTask = { task: t, callbackJobs: [{ ...create(t).callbackJobs![0], task_id: "no-such-task" }] };
    await expect(writeTasks(db, [bad])).rejects.toThrow();
    expect(await ids("tasks")).toEqual([]);
  });
});
