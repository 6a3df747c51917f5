import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "./db";
import { createAccount } from "./accounts";
import { newObjectId } from "./ids";
import type { TaskRow } from "./tasks";
import { tempDataDir } from "../testing/harness";
import { batchedWrite } from "./write-batch";

// Group commit: writes queued together share a transaction, yet each succeeds or fails alone.
describe("batchedWrite", () => {
  let dir: string;
  let db: Db;
  let accountId: string;
  beforeEach(async () => {
    dir = tempDataDir();
    db = await openDatabase(dir);
    accountId = await createAccount(db, "Acme");
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const task = (uniqueId: string | null): TaskRow => {
    const now = Date.now();
    return {
      id: newObjectId(now),
      account_id: accountId,
      mode: "live",
      type: "categorization",
      status: "pending",
      project: null,
      project_param_version: null,
      instruction: "",
      params: "{}",
      response: null,
      urgency: "standard",
      callback_url: "http://example.com/cb",
      metadata: "{}",
      unique_id: uniqueId,
      created_at: now,
      completed_at: null,
      callback_succeeded: null,
      sample_key: 0.5,
      leased_until: null,
    };
  };
  const ids = async () => (await db.selectFrom("tasks").select("id").execute()).map((r) => r.id).sort();

  it("commits every write of a batch, and each caller hears only after its rows are stored", async () => {
    const rows = [task(null), task(null), task(null)];
    await Promise.all(rows.map((r) => batchedWrite(db, async (trx) => void (await trx.insertInto("tasks").values(r).execute()))));
    expect(await ids()).toEqual(rows.map((r) => r.id).sort());
  });

  it("a failing write fails its own caller only; the others of its batch are stored", async () => {
    const a = task("same");
    const b = task("same");
    const c = task(null);
    const results = await Promise.allSettled(
      [a, b, c].map((r) => batchedWrite(db, async (trx) => void (await trx.insertInto("tasks").values(r).execute()))),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/i);
    expect(await ids()).toEqual([a.id, c.id].sort());
  });

  it("keeps a write atomic: a write that throws after its first statement leaves nothing behind", async () => {
    const kept = task(null);
    const torn = task(null);
    const results = await Promise.allSettled([
      batchedWrite(db, async (trx) => void (await trx.insertInto("tasks").values(kept).execute())),
      batchedWrite(db, async (trx) => {
        await trx.insertInto("tasks").values(torn).execute();
        throw new Error("second statement failed");
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect(await ids()).toEqual([kept.id]);
  });
});
