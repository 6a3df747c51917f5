import type { FastifyInstance } from "fastify";
import type { CallbackLog, Task } from "../../schema";
import type { Db } from "../store/db";
import { getWireTask } from "../store/tasks";
import { ApiError } from "../http/errors";
import { scopeOf } from "../http/request";
import type { PublicUrls } from "../hosted-urls";
import { resendCallback } from "../callbacks/outbox";
import { findTaskOr404 } from "../tasks/task-lookup";
import { recordActivity } from "../accounts/activity";

// The callback log of a task and the dashboard's Resend Callback.

export function registerCallbackRoutes(v1: FastifyInstance, db: Db, urls: PublicUrls, onQueued: () => void): void {
  v1.get<{ Params: { id: string } }>("/task/:id/callbacks", async (req): Promise<CallbackLog> => {
    const row = await findTaskOr404(db, scopeOf(req), req.params.id);
    const [attempts, pending] = await Promise.all([
      db
        .selectFrom("callback_attempts")
        .select(["at", "status_code", "error", "latency_ms", "succeeded"])
        .where("task_id", "=", row.id)
        .orderBy("at", "asc")
        .orderBy("id", "asc")
        .execute(),
      db.selectFrom("callback_jobs").select("id").where("task_id", "=", row.id).where("status", "=", "pending").executeTakeFirst(),
    ]);
    return {
      // Numbered across deliveries: a resend continues the count rather than restarting it.
      attempts: attempts.map((a, i) => ({
        attempt: i + 1,
        at: new Date(a.at).toISOString(),
        status_code: a.status_code,
        error: a.error,
        latency_ms: a.latency_ms,
        succeeded: a.succeeded === 1,
      })),
      pending: pending !== undefined,
    };
  });

  v1.post<{ Params: { id: string } }>("/task/:id/resendCallback", async (req): Promise<Task> => {
    const scope = scopeOf(req);
    const row = await findTaskOr404(db, scope, req.params.id);
    if (row.status !== "completed" && row.status !== "error") {
      throw new ApiError(400, `task ${row.id} is ${row.status}; callbacks are sent for completed and error tasks only`);
    }
    if (!row.callback_url) throw new ApiError(400, `task ${row.id} has no callback_url`);
    await resendCallback(db, row);
    await recordActivity(db, req, { action: "callback resent", taskId: row.id, detail: row.callback_url });
    onQueued();
    return (await getWireTask(db, scope, row.id, urls))!;
  });
}
