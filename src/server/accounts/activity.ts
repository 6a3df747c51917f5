import type { FastifyRequest } from "fastify";
import type { Db } from "../store/db";

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
