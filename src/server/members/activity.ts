import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ActivityList } from "../../schema";
import type { Db } from "../store/db";
import { scopeOf } from "../http/tasks";
import { findTaskOr404 } from "../lifecycle/task-lookup";

// Who did what: every decision made through the API records its actor (a member, or an API key
// by its prefix) with what and when. The task detail page lists a task's entries.

export type ActivityAction =
  | "created"
  | "completed"
  | "skipped"
  | "canceled"
  | "approved"
  | "rejected"
  | "metadata changed"
  | "callback resent"
  | "project created"
  | "project params changed";

export interface ActivityEvent {
  action: ActivityAction;
  taskId?: string;
  project?: string;
  detail?: string;
}

/** Appends one entry for the request's principal. */
export async function recordActivity(db: Db, req: FastifyRequest, event: ActivityEvent): Promise<void> {
  const p = req.principal;
  await db
    .insertInto("activity")
    .values({
      account_id: p.accountId,
      mode: p.mode,
      at: Date.now(),
      member_id: p.member?.id ?? null,
      actor: p.member ? p.actor : `API key ${p.actor}…`,
      action: event.action,
      task_id: event.taskId ?? null,
      project: event.project ?? null,
      detail: event.detail ?? "",
    })
    .execute();
}

export function registerActivityRoute(v1: FastifyInstance, db: Db): void {
  v1.get<{ Params: { id: string } }>("/task/:id/activity", async (req): Promise<ActivityList> => {
    const row = await findTaskOr404(db, scopeOf(req), req.params.id);
    const rows = await db
      .selectFrom("activity as a")
      .leftJoin("members as m", "m.id", "a.member_id")
      .select(["a.at", "a.actor", "a.member_id", "a.action", "a.detail", "m.name as member_name"])
      .where("a.task_id", "=", row.id)
      .orderBy("a.at", "asc")
      .orderBy("a.id", "asc")
      .execute();
    return {
      activity: rows.map((r) => ({
        at: new Date(Number(r.at)).toISOString(),
        // A member's current name (removed members keep theirs), else the name recorded then.
        actor: r.member_name ?? r.actor,
        member_id: r.member_id,
        action: r.action,
        detail: r.detail,
      })),
    };
  });
}
