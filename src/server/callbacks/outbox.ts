import type { CallbackBody, ErrorResponse } from "../../schema";
import type { Selectable } from "kysely";
import type { Db } from "../store/db";
import type { CallbackJobsTable } from "../store/schema";
import { dialectOf } from "../store/dialects";
import { toWireTask, type TaskRow } from "../store/tasks";
import { AS_STORED, mapParamsUrls, mapResponseUrls, type PublicUrls, type UrlMap } from "../hosted-urls";
import { endWork } from "../work/drafts";

// The transactional outbox: a task's final status and the callback job that announces it are
// written in ONE transaction, so a crash can lose neither without the other. The dispatcher only
// ever reads jobs from here.

export type Outcome =
  | { status: "completed"; response: Record<string, unknown> }
  | { status: "error"; response: ErrorResponse };

/**
 * What is POSTed: the docs' `{task, response, task_id}` plus `status`. Kept in the outbox with our
 * own files by path; `publicCallbackJson` gives them the base of the moment of delivery.
 */
export function callbackBody(row: TaskRow): CallbackBody {
  const task = toWireTask(row, undefined, AS_STORED);
  return {
    task,
    response: task.response ?? {},
    task_id: row.id,
    status: row.status === "error" ? "error" : "completed",
  };
}

/** A stored callback body as it is sent now: hosted files as URLs on today's base. */
export function publicCallbackJson(stored: string, urls: PublicUrls): string {
  // Stored paths are JSON strings starting with "/" (JSON.stringify never escapes "/"): a body
  // without one, as most are, is sent as it is, without a parse and a stringify per delivery.
  if (!stored.includes('"/')) return stored;
  return mapCallbackJson(stored, (u) => urls.toPublic(u));
}

/** A callback body (JSON) with the URLs of its task's attachments and masks mapped by `f`. */
export function mapCallbackJson(json: string, f: UrlMap): string {
  let body: CallbackBody;
  try {
    body = JSON.parse(json) as CallbackBody;
  } catch {
    return json;
  }
  const task = { ...body.task, params: mapParamsUrls(body.task.params, f) };
  if (task.response) task.response = mapResponseUrls(task.response, f);
  return JSON.stringify({ ...body, task, response: mapResponseUrls(body.response, f) });
}

type Executor = Pick<Db, "insertInto">;

/**
 * The job announcing `row`'s final status (none without a callback URL). `leasedUntil`: the
 * process writing it delivers it itself and owns it until then (see dispatcher.ts).
 */
export function jobRows(row: TaskRow, now: number, leasedUntil: number | null = null): Omit<Selectable<CallbackJobsTable>, "id">[] {
  if (!row.callback_url) return [];
  return [
    {
      task_id: row.id,
      account_id: row.account_id,
      body: JSON.stringify(callbackBody(row)),
      url: row.callback_url,
      status: "pending",
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
      leased_until: leasedUntil,
    },
  ];
}

/** Queues the callback announcing `row`'s final status, in the caller's transaction. */
export async function insertJob(trx: Executor, row: TaskRow, now: number): Promise<void> {
  const rows = jobRows(row, now);
  if (rows.length > 0) await trx.insertInto("callback_jobs").values(rows).execute();
}

/**
 * Moves a pending task to completed or error and queues its callback. Returns the updated row,
 * or null when the task was no longer pending (canceled, or finished by someone else first).
 */
export async function finishTask(db: Db, taskId: string, outcome: Outcome, now = Date.now()): Promise<TaskRow | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("tasks").selectAll().where("id", "=", taskId).executeTakeFirst();
      if (!row || row.status !== "pending") return null;
      const response = JSON.stringify(outcome.response);
      const next: TaskRow = { ...row, status: outcome.status, response, completed_at: now };
      await endWork(trx, taskId, now);
      await insertJob(trx, next, now);
      // The status change last: on PostgreSQL it locks the counts it moves (migration 009) until
      // the commit, so nothing else runs while they are held. Conditional: if someone finished or
      // canceled the task since the read, everything here is rolled back.
      const updated = await trx
        .updateTable("tasks")
        .set({ status: outcome.status, response, completed_at: now })
        .where("id", "=", taskId)
        .where("status", "=", "pending")
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new NoLongerPending();
      return next;
    });
  } catch (err) {
    if (err instanceof NoLongerPending) return null;
    throw err;
  }
}

/** Rolls back a finishTask whose task left pending meanwhile. */
class NoLongerPending extends Error {}

/**
 * The dashboard's Resend Callback: a delivery already scheduled is made due now; otherwise a new
 * job carries the task as it is now. Returns false when there is nothing to send.
 */
export async function resendCallback(db: Db, row: TaskRow, now = Date.now()): Promise<boolean> {
  if (!row.callback_url || (row.status !== "completed" && row.status !== "error")) return false;
  return db.transaction().execute(async (trx) => {
    // Two resends at once must not both find no pending job and queue two.
    await dialectOf(trx).forUpdate(trx.selectFrom("tasks").select("id").where("id", "=", row.id)).execute();
    const pending = await trx
      .selectFrom("callback_jobs")
      .select(["id"])
      .where("task_id", "=", row.id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (pending) {
      await trx.updateTable("callback_jobs").set({ next_attempt_at: now, updated_at: now }).where("id", "=", pending.id).execute();
    } else {
      await insertJob(trx, row, now);
    }
    return true;
  });
}
