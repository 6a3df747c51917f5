import type { FastifyInstance } from "fastify";
import type { ActivityList } from "../../schema";
import type { Db } from "../store/db";
import { scopeOf } from "../http/request";
import { findTaskOr404 } from "../tasks/task-lookup";

/** `GET /v1/task/:id/activity`: who did what to a task, oldest first. */
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
