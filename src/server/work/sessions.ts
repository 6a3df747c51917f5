import type { Kysely } from "kysely";
import type { Database, WorkSessionsTable } from "../store/schema";
import type { TaskRow } from "../store/tasks";
import type { WorkSession } from "../../schema/work";
import type { Holder } from "./holder";
import { LEASE_MS } from "./leases";

// Time spent: one work session per stretch a person holds a task, from the claim to submit or
// skip, or, when the lease ran out (tab closed), to the last renewal. The sum over sessions is
// "lease-held active time": a person who walks away for lunch with the page open is counted, a
// closed tab is not.

type Trx = Kysely<Database>;
type Outcome = WorkSessionsTable["outcome"];

/** Keeps my open session going, or starts one (the first claim, or after my lease ran out). */
export async function touchSession(trx: Trx, task: TaskRow, me: Holder, now: number): Promise<void> {
  const open = await trx
    .selectFrom("work_sessions")
    .select(["id", "seen_at"])
    .where("task_id", "=", task.id)
    .where("holder", "=", me.id)
    .where("ended_at", "is", null)
    .orderBy("id", "desc")
    .executeTakeFirst();
  // A gap longer than a lease means the page was gone: that stretch ended at its last renewal.
  if (open && now - Number(open.seen_at) <= LEASE_MS) {
    await trx.updateTable("work_sessions").set({ seen_at: now }).where("id", "=", open.id).execute();
    return;
  }
  if (open) {
    await trx.updateTable("work_sessions").set({ ended_at: Number(open.seen_at), outcome: "expired" }).where("id", "=", open.id).execute();
  }
  await trx
    .insertInto("work_sessions")
    .values({
      task_id: task.id,
      account_id: task.account_id,
      mode: task.mode,
      holder: me.id,
      holder_name: me.name,
      member_id: me.memberId,
      started_at: now,
      seen_at: now,
      ended_at: null,
      outcome: "open",
    })
    .execute();
}

/**
 * Ends open sessions of a task: `only` one holder's (skip, submit, at `now`), or everyone's but
 * `except` (their lease ran out: at their last renewal).
 */
export async function closeOpenSessions(trx: Trx, taskId: string, outcome: Outcome, who: { only?: string; except?: string; now?: number } = {}): Promise<void> {
  let q = trx.selectFrom("work_sessions").select(["id", "seen_at"]).where("task_id", "=", taskId).where("ended_at", "is", null);
  if (who.only) q = q.where("holder", "=", who.only);
  if (who.except) q = q.where("holder", "!=", who.except);
  for (const s of await q.execute()) {
    await trx
      .updateTable("work_sessions")
      // A page still renewing ends now; one gone quiet for longer than a lease ended at its last renewal.
      .set({ ended_at: who.now !== undefined && who.now - Number(s.seen_at) <= LEASE_MS ? who.now : Number(s.seen_at), outcome })
      .where("id", "=", s.id)
      .execute();
  }
}

export async function sessionsOf(db: Trx, taskId: string): Promise<WorkSession[]> {
  const rows = await db.selectFrom("work_sessions").selectAll().where("task_id", "=", taskId).orderBy("started_at", "asc").orderBy("id", "asc").execute();
  return rows.map((r) => {
    const end = r.ended_at ?? Number(r.seen_at);
    return {
      holder: { id: r.holder, name: r.holder_name },
      started_at: new Date(Number(r.started_at)).toISOString(),
      ended_at: r.ended_at === null ? null : new Date(Number(r.ended_at)).toISOString(),
      ms: Math.max(0, end - Number(r.started_at)),
      outcome: r.outcome,
    };
  });
}

/** "3 min 12 s": how activity entries state time spent. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
