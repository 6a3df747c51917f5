import type { FastifyInstance } from "fastify";
import { Metadata, TaskListQuery, describeZodError } from "../../schema";
import type { Db } from "../store/db";
import { getAccount } from "../store/accounts";
import { getTaskRow, getWireTask } from "../store/tasks";
import { listTasks } from "../store/task-list";
import { createTask } from "../tasks/create";
import type { TaskHooks } from "../tasks/hooks";
import { ApiError, badRequest } from "../http/errors";
import { requestOrigin, scopeOf } from "../http/request";
import { recordActivity } from "../accounts/activity";
import type { Config } from "../config";
import type { HostedUrls } from "../hosted-urls";
import { endWork } from "../work/drafts";

const TASK_ID = /^[0-9a-f]{24}$/;
/** Rolls back a cancel whose task left pending after it was read. */
const notPending = new Error("not pending");

function noTask(id: string): ApiError {
  return new ApiError(404, `no task with task_id ${id}`);
}

export function registerTaskRoutes(app: FastifyInstance, db: Db, config: Config, hooks: TaskHooks, urls: HostedUrls): void {
  app.post<{ Params: { type: string } }>("/task/:type", async (req) => {
    const scope = scopeOf(req);
    const { row, task, plan, stored } = await createTask(
      db,
      scope,
      req.params.type,
      Buffer.isBuffer(req.body) ? undefined : req.body,
      { defaultCallbackUrl: async () => (await getAccount(db, scope.accountId)).default_callback_url },
      { disabledTypes: config.disabledTypes, urls, requestOrigin: requestOrigin(req), planInsert: (r) => hooks.planInsert(r) },
    );
    // The answer is the task as created (pending); what follows (a test-mode answer, stored with
    // the task; attachment checks) is visible to the next request.
    // Tasks created in the console record who made them; API clients create in bulk, unattributed.
    if (req.principal.member) await recordActivity(db, req, { action: "created", taskId: row.id });
    plan?.after(stored);
    return task;
  });

  app.get<{ Params: { id: string } }>("/task/:id", async (req) => {
    const task = TASK_ID.test(req.params.id) ? await getWireTask(db, scopeOf(req), req.params.id, urls) : undefined;
    if (!task) throw noTask(req.params.id);
    return task;
  });

  app.post<{ Params: { id: string } }>("/task/:id/cancel", async (req) => {
    const scope = scopeOf(req);
    const id = req.params.id;
    const row = TASK_ID.test(id) ? await getTaskRow(db, scope, id) : undefined;
    if (!row) throw noTask(id);
    // Conditional update: a task completed between the read and the write stays completed.
    // The cancellation and who made it are written together, the status change last: on
    // PostgreSQL it locks the counts it moves (migration 009) until the commit. A task no longer
    // pending by then rolls the rest back.
    const canceled = await db
      .transaction()
      .execute(async (tx) => {
        await recordActivity(tx, req, { action: "canceled", taskId: id });
        await endWork(tx, id);
        const r = await tx.updateTable("tasks").set({ status: "canceled" }).where("id", "=", id).where("status", "=", "pending").executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw notPending;
        return true;
      })
      .catch((err: unknown) => {
        if (err === notPending) return false;
        throw err;
      });
    if (!canceled) {
      const now = await getTaskRow(db, scope, id);
      // The docs: cancelling a task that is not pending answers 500.
      throw new ApiError(500, `task ${id} is ${now?.status ?? row.status}; only pending tasks can be canceled`);
    }
    return (await getWireTask(db, scope, id, urls))!;
  });

  app.post<{ Params: { id: string } }>("/task/:id/setMetadata", async (req) => {
    const scope = scopeOf(req);
    const id = req.params.id;
    const row = TASK_ID.test(id) ? await getTaskRow(db, scope, id) : undefined;
    if (!row) throw noTask(id);
    const parsed = Metadata.safeParse(req.body);
    if (!parsed.success) throw badRequest("metadata: the body must be a JSON object, the task's new metadata");
    await db.transaction().execute(async (tx) => {
      await tx.updateTable("tasks").set({ metadata: JSON.stringify(parsed.data) }).where("id", "=", id).execute();
      await recordActivity(tx, req, { action: "metadata changed", taskId: id });
    });
    return (await getWireTask(db, scope, id, urls))!;
  });

  app.get("/tasks", async (req) => {
    const parsed = TaskListQuery.safeParse(req.query);
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, req.query));
    return listTasks(db, scopeOf(req), parsed.data, urls);
  });
}
