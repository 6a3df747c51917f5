import type { Db } from "../store/db";
import { dialectOf } from "../store/dialects";
import type { Scope, TaskRow } from "../store/tasks";
import type { WorkLease } from "../../schema/work";
import { ApiError } from "../http/errors";
import type { Holder } from "./holder";
import { closeOpenSessions, touchSession } from "./sessions";

// A person's claim on a pending task. It lives on the task row (held_by, held_until): claiming is
// one UPDATE whose inner SELECT locks and skips rows other claimers hold (FOR UPDATE SKIP LOCKED
// on PostgreSQL; SQLite's one writer runs it alone), and the outer WHERE re-checks the hold so a
// claimer that waited for a row sees the other's claim. An expired lease is free for anyone.

/** Each claim or renewal holds the task this long; the page renews every minute while open. */
export const LEASE_MS = 5 * 60_000;
/** A skipped task stays out of the same person's queue this long (others get it at once). */
export const SKIP_HIDDEN_MS = 30 * 60_000;
/** Express first: the docs' urgencies, most urgent first. */
const URGENCY_ORDER = ["express", "standard"] as const;

export interface QueueFilter {
  type?: string;
  project?: string;
}

export function wireLease(row: Pick<TaskRow, "id" | "held_by" | "held_name" | "held_until">, me: Holder): WorkLease | null {
  if (!row.held_by || row.held_until == null) return null;
  return {
    task_id: row.id,
    holder: { id: row.held_by, name: row.held_name ?? "someone" },
    expires_at: new Date(row.held_until).toISOString(),
    lease_ms: LEASE_MS,
    mine: row.held_by === me.id,
  };
}

/** Holds live and unexpired at `now`. */
export function isHeld(row: Pick<TaskRow, "held_by" | "held_until">, now: number): boolean {
  return Boolean(row.held_by) && row.held_until != null && row.held_until > now;
}

/** The 409 a page gets when it can no longer work on the task: finished elsewhere, or someone else's. */
export function conflictFor(row: TaskRow, me: Holder, now: number): ApiError | null {
  if (row.status !== "pending") {
    return new ApiError(409, `task ${row.id} was ${row.status} while you worked on it; download your work to keep it`, { state: row.status });
  }
  if (row.held_by !== me.id && isHeld(row, now)) {
    return new ApiError(409, `task ${row.id} is being worked on by ${row.held_name ?? "someone else"}`, {
      state: "taken",
      holder: { id: row.held_by, name: row.held_name ?? "someone" },
    });
  }
  return null;
}

/** A task I hold right now (and that still fits the filter): "Start labeling" resumes it. */
async function heldByMe(db: Db, scope: Scope, me: Holder, filter: QueueFilter, now: number): Promise<TaskRow | undefined> {
  let q = db
    .selectFrom("tasks")
    .selectAll()
    .where("account_id", "=", scope.accountId)
    .where("mode", "=", scope.mode)
    .where("status", "=", "pending")
    .where("held_by", "=", me.id)
    .where("held_until", ">", now);
  if (filter.type) q = q.where("type", "=", filter.type);
  if (filter.project) q = q.where("project", "=", filter.project);
  return q.orderBy("created_at", "asc").limit(1).executeTakeFirst();
}

/**
 * Claims the next pending task for `me`: one I already hold first, else express before standard,
 * oldest first, skipping tasks someone holds and tasks I skipped lately. Null when none is left.
 */
export async function claimNext(db: Db, scope: Scope, me: Holder, filter: QueueFilter, now = Date.now()): Promise<TaskRow | null> {
  const mine = await heldByMe(db, scope, me, filter, now);
  if (mine) return (await extendHold(db, scope, mine.id, me, now)) ?? null;
  for (const urgency of URGENCY_ORDER) {
    const row = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("tasks")
        .set({ held_by: me.id, held_name: me.name, held_until: now + LEASE_MS })
        // `=` (a scalar subquery, run once), not `in`: PostgreSQL may rescan an IN subquery per
        // row, and each rescan skips the row this statement just locked, so `in` claimed them all.
        .where("id", "=", (eb) => {
          let q = eb
            .selectFrom("tasks as t")
            .select("t.id")
            .where("t.account_id", "=", scope.accountId)
            .where("t.mode", "=", scope.mode)
            .where("t.status", "=", "pending")
            .where("t.urgency", "=", urgency)
            .where((w) => w.or([w("t.held_until", "is", null), w("t.held_until", "<=", now)]))
            .where((w) =>
              w.not(
                w.exists(
                  w.selectFrom("work_skips as s").select("s.task_id").whereRef("s.task_id", "=", "t.id").where("s.holder", "=", me.id).where("s.until", ">", now),
                ),
              ),
            );
          if (filter.type) q = q.where("t.type", "=", filter.type);
          if (filter.project) q = q.where("t.project", "=", filter.project);
          return dialectOf(trx).skipLocked(q.orderBy("t.created_at", "asc").orderBy("t.id", "asc").limit(1));
        })
        // Re-checked on the row itself: a claimer that waited for this row sees the other's hold.
        .where("status", "=", "pending")
        .where((w) => w.or([w("held_until", "is", null), w("held_until", "<=", now)]))
        .returningAll()
        .executeTakeFirst();
      if (!claimed) return null;
      await closeOpenSessions(trx, claimed.id, "expired", { except: me.id });
      await touchSession(trx, claimed, me, now);
      return claimed;
    });
    if (row) return row;
  }
  return null;
}

/**
 * Extends my hold on one task (the page's renewal), or takes it when nobody holds it (a link
 * opened directly, or my own lease ran out and nobody took it). Null when the task is not pending
 * or someone else holds it; the caller answers with `conflictFor`.
 */
export async function extendHold(db: Db, scope: Scope, taskId: string, me: Holder, now = Date.now()): Promise<TaskRow | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("tasks")
      .set({ held_by: me.id, held_name: me.name, held_until: now + LEASE_MS })
      .where("id", "=", taskId)
      .where("account_id", "=", scope.accountId)
      .where("mode", "=", scope.mode)
      .where("status", "=", "pending")
      .where((w) => w.or([w("held_by", "=", me.id), w("held_until", "is", null), w("held_until", "<=", now)]))
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    await closeOpenSessions(trx, row.id, "expired", { except: me.id });
    await touchSession(trx, row, me, now);
    return row;
  });
}

/** Skip: I let go of the task, and it stays out of my queue for SKIP_HIDDEN_MS. */
export async function releaseHold(db: Db, scope: Scope, taskId: string, me: Holder, now = Date.now()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable("tasks")
      .set({ held_by: null, held_name: null, held_until: null })
      .where("id", "=", taskId)
      .where("account_id", "=", scope.accountId)
      .where("mode", "=", scope.mode)
      .where("status", "=", "pending")
      .where("held_by", "=", me.id)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await trx.deleteFrom("work_skips").where("task_id", "=", taskId).where("holder", "=", me.id).execute();
    await trx.insertInto("work_skips").values({ task_id: taskId, holder: me.id, until: now + SKIP_HIDDEN_MS }).execute();
    await closeOpenSessions(trx, taskId, "skipped", { only: me.id, now });
    return true;
  });
}
