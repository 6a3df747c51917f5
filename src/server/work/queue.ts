import { sql } from "kysely";
import type { Db } from "../store/db";
import type { Scope } from "../store/tasks";
import type { WorkHolds, WorkQueue } from "../../schema/work";
import { isTaskType } from "../../schema";
import type { Holder } from "./holder";
import { SKIP_HIDDEN_MS } from "./leases";

// What is waiting: pending tasks per type and project, split into free and held, and the
// tasks I hold now (to resume). One grouped scan of the scope's pending tasks.

export async function queueCounts(db: Db, scope: Scope, me: Holder, now = Date.now()): Promise<WorkQueue> {
  const heldNow = sql<number>`case when held_until is not null and held_until > ${sql.lit(now)} then 1 else 0 end`;
  const rows = await db
    .selectFrom("tasks")
    .select([
      "type",
      "project",
      sql<number>`count(*)`.as("total"),
      sql<number>`sum(${heldNow})`.as("held"),
      sql<number>`sum(case when urgency = 'express' then 1 else 0 end)`.as("express"),
    ])
    .where("account_id", "=", scope.accountId)
    .where("mode", "=", scope.mode)
    .where("status", "=", "pending")
    .groupBy(["type", "project"])
    .orderBy("type")
    .orderBy("project")
    .execute();
  const mine = await db
    .selectFrom("tasks")
    .select(["id", "type", "project", "held_until"])
    .where("account_id", "=", scope.accountId)
    .where("mode", "=", scope.mode)
    .where("status", "=", "pending")
    .where("held_by", "=", me.id)
    .where("held_until", ">", now)
    .orderBy("created_at")
    .execute();
  return {
    mode: scope.mode,
    groups: rows.flatMap((r) => {
      if (!isTaskType(r.type)) return [];
      const held = Number(r.held ?? 0);
      return [{ type: r.type, project: r.project, waiting: Number(r.total) - held, held, express: Number(r.express ?? 0) }];
    }),
    mine: mine.flatMap((r) => (isTaskType(r.type) ? [{ task_id: r.id, type: r.type, project: r.project, expires_at: new Date(Number(r.held_until)).toISOString() }] : [])),
    skip_hidden_ms: SKIP_HIDDEN_MS,
  };
}

/** Tasks someone holds right now, for the task browser's "who is on it" badge. */
export async function currentHolds(db: Db, scope: Scope, now = Date.now()): Promise<WorkHolds> {
  const rows = await db
    .selectFrom("tasks")
    .select(["id", "held_by", "held_name", "held_until"])
    .where("account_id", "=", scope.accountId)
    .where("mode", "=", scope.mode)
    .where("status", "=", "pending")
    .where("held_until", ">", now)
    .where("held_by", "is not", null)
    .execute();
  return {
    holds: rows.map((r) => ({
      task_id: r.id,
      holder: { id: r.held_by ?? "", name: r.held_name ?? "someone" },
      expires_at: new Date(Number(r.held_until)).toISOString(),
    })),
  };
}
