import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import { describeZodError, type Task } from "../../schema";
import { WorkDraftBody, WorkNextBody, WorkSkipBody, WorkSubmitBody, type WorkDraft, type WorkHolds, type WorkItem, type WorkLease, type WorkNext, type WorkQueue, type WorkSummary } from "../../schema/work";
import type { Db } from "../store/db";
import { toWireTask, latestAudits, type Scope, type TaskRow } from "../store/tasks";
import type { HostedUrls } from "../hosted-urls";
import type { CompleteTask } from "../tasks/complete";
import { findTaskOr404 } from "../tasks/task-lookup";
import { recordActivity } from "../accounts/activity";
import { ApiError, badRequest } from "../http/errors";
import { scopeOf } from "../http/request";
import { holderOf, type Holder } from "../work/holder";
import { claimNext, conflictFor, extendHold, releaseHold, wireLease } from "../work/leases";
import { getDraft, saveDraft } from "../work/drafts";
import { currentHolds, queueCounts } from "../work/queue";
import { formatDuration, sessionsOf } from "../work/sessions";

// The workbench's endpoints (/console-api/work/…, embedded API only): the queue, claiming the next
// task with a lease, renewing and skipping, versioned drafts, and Submit through the same
// completion code as `POST /v1/task/:id/complete`. Who may call which is in members/roles.ts.

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const input = body === undefined || body === null || Buffer.isBuffer(body) ? {} : body;
  const r = schema.safeParse(input);
  if (!r.success) throw badRequest(describeZodError(r.error, input));
  return r.data;
}

/** The queue hands out live tasks: test-mode tasks are completed by the test-mode generator. */
function liveScope(req: FastifyRequest): Scope {
  const scope = scopeOf(req);
  if (scope.mode !== "live") {
    throw badRequest("mode: the work queue holds live tasks (test-mode tasks are completed automatically); switch the console to live mode");
  }
  return scope;
}

export function registerWorkRoutes(app: FastifyInstance, db: Db, urls: HostedUrls, complete: CompleteTask): void {
  const wireTask = async (row: TaskRow): Promise<Task> => toWireTask(row, (await latestAudits(db, [row.id])).get(row.id) ?? null, urls);
  const item = async (row: TaskRow, me: Holder): Promise<WorkItem> => ({
    task: await wireTask(row),
    lease: row.status === "pending" ? wireLease(row, me) : null,
    draft: row.status === "pending" ? await getDraft(db, row.id) : null,
  });

  /** A task the caller may see in the workbench: labelers only pending ones or ones they worked on. */
  const visibleTask = async (req: FastifyRequest, taskId: string): Promise<TaskRow> => {
    const row = await findTaskOr404(db, scopeOf(req), taskId);
    if (req.principal.role === "labeler" && row.status !== "pending") {
      const worked = await db.selectFrom("work_sessions").select("id").where("task_id", "=", row.id).where("holder", "=", holderOf(req.principal).id).executeTakeFirst();
      if (!worked) throw new ApiError(404, `no task with task_id ${taskId}`);
    }
    return row;
  };

  /** Holds the task for the caller (renewing, or taking a free one), or answers why not with 409. */
  const hold = async (req: FastifyRequest, taskId: string): Promise<TaskRow> => {
    const scope = liveScope(req);
    const me = holderOf(req.principal);
    const row = await findTaskOr404(db, scope, taskId);
    const now = Date.now();
    const refused = conflictFor(row, me, now);
    if (refused) throw refused;
    const held = await extendHold(db, scope, row.id, me, now);
    if (held) return held;
    // Changed between the read and the write: say what it is now.
    const again = await findTaskOr404(db, scope, taskId);
    throw conflictFor(again, me, Date.now()) ?? new ApiError(409, `task ${taskId} could not be held; try again`, { state: "taken" });
  };

  app.get("/console-api/work/queue", async (req): Promise<WorkQueue> => queueCounts(db, scopeOf(req), holderOf(req.principal)));

  app.get("/console-api/work/holds", async (req): Promise<WorkHolds> => currentHolds(db, scopeOf(req)));

  app.post("/console-api/work/next", async (req): Promise<WorkNext> => {
    const filter = parse(WorkNextBody, req.body);
    const scope = liveScope(req);
    const me = holderOf(req.principal);
    const row = await claimNext(db, scope, me, filter);
    if (!row) {
      const what = [filter.type, filter.project && `project ${filter.project}`].filter(Boolean).join(" in ");
      return { item: null, reason: `no pending live ${what ? what + " " : ""}task is waiting for you (tasks others hold and ones you skipped lately are left out)` };
    }
    return { item: await item(row, me), reason: null };
  });

  app.get<{ Params: { taskId: string } }>("/console-api/work/:taskId", async (req): Promise<WorkItem> => {
    const row = await visibleTask(req, req.params.taskId);
    return item(row, holderOf(req.principal));
  });

  app.post<{ Params: { taskId: string } }>("/console-api/work/:taskId/lease", async (req): Promise<WorkLease> => {
    const row = await hold(req, req.params.taskId);
    return wireLease(row, holderOf(req.principal))!;
  });

  app.delete<{ Params: { taskId: string } }>("/console-api/work/:taskId/lease", async (req) => {
    const body = parse(WorkSkipBody, req.body);
    const scope = liveScope(req);
    const me = holderOf(req.principal);
    const row = await findTaskOr404(db, scope, req.params.taskId);
    const refused = conflictFor(row, me, Date.now());
    if (refused) throw refused;
    if (!(await releaseHold(db, scope, row.id, me))) {
      throw new ApiError(409, `you don't hold task ${row.id}`, { state: "taken" });
    }
    await recordActivity(db, req, { action: "skipped", taskId: row.id, detail: body.reason ? `reason: ${body.reason}` : "" });
    return { ok: true as const };
  });

  app.get<{ Params: { taskId: string } }>("/console-api/work/:taskId/draft", async (req) => {
    const row = await visibleTask(req, req.params.taskId);
    return { draft: row.status === "pending" ? await getDraft(db, row.id) : null };
  });

  app.put<{ Params: { taskId: string } }>("/console-api/work/:taskId/draft", async (req): Promise<WorkDraft> => {
    const body = parse(WorkDraftBody, req.body);
    // Only the holder writes: saving renews the hold (or takes a free task back after a lapse).
    const row = await hold(req, req.params.taskId);
    return saveDraft(db, row, holderOf(req.principal), body.response, body.base_version);
  });

  app.post<{ Params: { taskId: string } }>("/console-api/work/:taskId/submit", async (req) => {
    const body = parse(WorkSubmitBody, req.body);
    const row = await hold(req, req.params.taskId);
    const me = holderOf(req.principal);
    // hold() just renewed my open session to now, so its length runs up to this moment.
    const spent = (await sessionsOf(db, row.id)).filter((s) => s.holder.id === me.id).reduce((sum, s) => sum + s.ms, 0);
    const task = await complete(req, row, body, `in the workbench; time spent ${formatDuration(spent)}`);
    // Completion ended every open session as "lost"; mine ended by submitting.
    const last = await db.selectFrom("work_sessions").select("id").where("task_id", "=", row.id).where("holder", "=", me.id).orderBy("id", "desc").executeTakeFirst();
    if (last) await db.updateTable("work_sessions").set({ outcome: "submitted" }).where("id", "=", last.id).execute();
    return { task, time_spent_ms: spent };
  });

  app.get<{ Params: { taskId: string } }>("/console-api/work/:taskId/summary", async (req): Promise<WorkSummary> => {
    const row = await findTaskOr404(db, scopeOf(req), req.params.taskId);
    const sessions = await sessionsOf(db, row.id);
    return {
      task_id: row.id,
      lease: row.status === "pending" ? wireLease(row, holderOf(req.principal)) : null,
      time_spent_ms: sessions.reduce((sum, s) => sum + s.ms, 0),
      sessions,
    };
  });
}
