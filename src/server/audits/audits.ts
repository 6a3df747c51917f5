import { sql } from "kysely";
import type { FastifyRequest } from "fastify";
import {
  AuditBody,
  AuditSampleQuery,
  AuditStatsQuery,
  type AuditList,
  type AuditStats,
  type Task,
} from "../../schema";
import type { Db } from "../store/db";
import { toWireTask, type Scope } from "../store/tasks";
import type { PublicUrls } from "../hosted-urls";
import { dayOf, DAY_MS } from "../stats/days";
import { recordActivity } from "../accounts/activity";

// Audits: approve or reject a completed task (with who and when), its history, a random sample
// of completed tasks nobody audited yet, and decisions per day.

/** Random sample without ORDER BY RANDOM(): start at a random point of the sample_key index and
 * wrap around, skipping audited tasks. */
export async function sampleUnaudited(db: Db, scope: Scope, q: AuditSampleQuery, urls: PublicUrls): Promise<Task[]> {
  const start = Math.random();
  const base = () => {
    let query = db
      .selectFrom("tasks as t")
      .selectAll("t")
      .where("t.account_id", "=", scope.accountId)
      .where("t.mode", "=", scope.mode)
      .where("t.status", "=", "completed")
      .where((eb) => eb.not(eb.exists(eb.selectFrom("audits as a").select("a.id").whereRef("a.task_id", "=", "t.id"))));
    if (q.type) query = query.where("t.type", "=", q.type);
    if (q.project) query = query.where("t.project", "=", q.project);
    return query;
  };
  const first = await base().where("t.sample_key", ">=", start).orderBy("t.sample_key", "asc").limit(q.size).execute();
  const rest =
    first.length < q.size
      ? await base().where("t.sample_key", "<", start).orderBy("t.sample_key", "asc").limit(q.size - first.length).execute()
      : [];
  return [...first, ...rest].map((r) => toWireTask(r, null, urls));
}

export async function auditStats(db: Db, scope: Scope, q: AuditStatsQuery): Promise<AuditStats> {
  const end = q.end_time ?? Date.now();
  const start = q.start_time ?? end - 30 * DAY_MS;
  let query = db
    .selectFrom("audits as a")
    .innerJoin("tasks as t", "t.id", "a.task_id")
    .where("a.account_id", "=", scope.accountId)
    .where("a.mode", "=", scope.mode)
    .where("a.audited_at", ">=", start)
    .where("a.audited_at", "<=", end);
  if (q.type) query = query.where("t.type", "=", q.type);
  if (q.project) query = query.where("t.project", "=", q.project);
  const day = sql<number>`a.audited_at / ${sql.lit(DAY_MS)}`;
  const rows = await query
    .select([
      day.as("day"),
      "t.type as type",
      "t.project as project",
      sql<number>`sum(case when a.accepted = 1 then 1 else 0 end)`.as("approved"),
      sql<number>`sum(case when a.accepted = 1 then 0 else 1 end)`.as("rejected"),
    ])
    .groupBy([day, "t.type", "t.project"])
    .orderBy("day")
    .execute();
  const reviewers = await query
    .leftJoin("members as m", "m.id", "a.member_id")
    .select([
      "a.member_id as member_id",
      "a.audited_by as audited_by",
      "m.name as member_name",
      sql<number>`sum(case when a.accepted = 1 then 1 else 0 end)`.as("approved"),
      sql<number>`sum(case when a.accepted = 1 then 0 else 1 end)`.as("rejected"),
    ])
    .groupBy(["a.member_id", "a.audited_by", "m.name"])
    .execute();
  const per_day = rows.map((r) => ({ day: dayOf(Number(r.day)), type: r.type, project: r.project, approved: Number(r.approved), rejected: Number(r.rejected) }));
  return {
    range: { start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    totals: {
      approved: per_day.reduce((s, r) => s + r.approved, 0),
      rejected: per_day.reduce((s, r) => s + r.rejected, 0),
    },
    per_day,
    by_reviewer: mergeReviewers(reviewers).sort((a, b) => b.approved + b.rejected - (a.approved + a.rejected) || a.reviewer.localeCompare(b.reviewer)),
  };
}

/** One row per member (whatever name was recorded then), one per API key prefix. */
function mergeReviewers(rows: { member_id: string | null; audited_by: string; member_name: string | null; approved: number; rejected: number }[]): AuditStats["by_reviewer"] {
  const byKey = new Map<string, AuditStats["by_reviewer"][number]>();
  for (const r of rows) {
    const key = r.member_id ? `m:${r.member_id}` : `k:${r.audited_by}`;
    const entry = byKey.get(key) ?? { reviewer: r.member_name ?? r.audited_by, member_id: r.member_id, approved: 0, rejected: 0 };
    entry.approved += Number(r.approved);
    entry.rejected += Number(r.rejected);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** Records one decision on a completed task, with who took it, and its activity line. */
export async function recordAudit(db: Db, scope: Scope, taskId: string, body: AuditBody, req: FastifyRequest): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("audits")
      .values({
        task_id: taskId,
        account_id: scope.accountId,
        mode: scope.mode,
        accepted: body.accepted ? 1 : 0,
        comments: body.comments,
        audited_at: Date.now(),
        audited_by: req.principal.actor,
        member_id: req.principal.member?.id ?? null,
      })
      .execute();
    await recordActivity(tx, req, { action: body.accepted ? "approved" : "rejected", taskId, detail: body.comments });
  });
}

/** A task's decisions, oldest first. */
export async function auditHistory(db: Db, taskId: string): Promise<AuditList> {
  const rows = await db.selectFrom("audits").selectAll().where("task_id", "=", taskId).orderBy("audited_at", "asc").orderBy("id", "asc").execute();
  return {
    audits: rows.map((a) => ({ accepted: a.accepted === 1, comments: a.comments, audited_at: new Date(a.audited_at).toISOString(), audited_by: a.audited_by })),
  };
}
