import type { Db } from "./db";
import { dialectOf } from "./dialects";
import type { Mode } from "./schema";
import type { TaskRow } from "./tasks";

// Background work on pending tasks, claimed with a lease so that with several processes on one
// database each piece is done by one process at a time, and a dead process's work is taken over
// when its lease runs out. A fresh task belongs to the process that created it until
// `created_at + ownedFor` (it is doing the work right now); only after that may others claim it.

export interface TaskClaim {
  mode: Mode;
  /** Tasks created before this belong to nobody unless leased. */
  createdBefore: number;
  leaseMs: number;
  limit: number;
  /** Live attachment checks: only tasks without an `attachment_checks` row. */
  uncheckedOnly?: boolean;
  now?: number;
}

/**
 * Leases up to `limit` pending tasks nobody holds, oldest first, in one statement: the inner
 * SELECT locks its rows and skips rows another process is claiming (`FOR UPDATE SKIP LOCKED` on
 * PostgreSQL; SQLite's single writer runs the statement alone).
 */
export async function claimPendingTasks(db: Db, c: TaskClaim): Promise<TaskRow[]> {
  const now = c.now ?? Date.now();
  return db
    .updateTable("tasks")
    .set({ leased_until: now + c.leaseMs })
    .where(() => {
      let q = db
        .selectFrom("tasks as t")
        .select("t.id")
        .where("t.status", "=", "pending")
        .where("t.mode", "=", c.mode)
        .where("t.created_at", "<", c.createdBefore)
        .where((w) => w.or([w("t.leased_until", "is", null), w("t.leased_until", "<=", now)]));
      if (c.uncheckedOnly) {
        q = q.where((w) => w.not(w.exists(w.selectFrom("attachment_checks as c").select("c.task_id").whereRef("c.task_id", "=", "t.id"))));
      }
      return dialectOf(db).idAmong("id", dialectOf(db).skipLocked(q.orderBy("t.created_at", "asc").limit(c.limit)));
    })
    .returningAll()
    .execute();
}

/**
 * One process per database (SQLite): leases found at start were taken by this process before it
 * died, so they are freed at once instead of leaving their tasks waiting for them to run out.
 */
export async function releaseDeadProcessLeases(db: Db): Promise<void> {
  await db.updateTable("tasks").set({ leased_until: null }).where("status", "=", "pending").where("leased_until", "is not", null).execute();
}
