import type { Kysely } from "kysely";
import type { Db } from "../store/db";
import type { Database } from "../store/schema";
import type { TaskRow } from "../store/tasks";
import type { WorkDraft, WorkDraftWithResponse } from "../../schema/work";
import { readJson } from "../store/json";
import { ApiError } from "../http/errors";
import type { Holder } from "./holder";
import { closeOpenSessions } from "./sessions";

// A draft of the answer, one per task, versioned: a save names the version it started from and is
// refused (409 with the current version) when the draft moved on since, so an older tab can't
// overwrite a newer draft. The version check is in the write's own WHERE (or the insert's key),
// so two saves at once can't both pass it.

function toWire(r: { version: number; saved_at: number; saved_by_name: string }): WorkDraft {
  return { version: Number(r.version), saved_at: new Date(Number(r.saved_at)).toISOString(), saved_by: r.saved_by_name };
}

export async function getDraft(db: Db, taskId: string): Promise<WorkDraftWithResponse | null> {
  const r = await db.selectFrom("work_drafts").selectAll().where("task_id", "=", taskId).executeTakeFirst();
  if (!r) return null;
  return { ...toWire(r), response: readJson<unknown>(r.response, "work_drafts.response") };
}

function stale(taskId: string, current: number): ApiError {
  return new ApiError(409, `the draft of task ${taskId} was saved elsewhere since (version ${current}); reload it before saving`, {
    state: "stale",
    version: current,
  });
}

export async function saveDraft(db: Db, task: TaskRow, me: Holder, response: unknown, baseVersion: number, now = Date.now()): Promise<WorkDraft> {
  const text = JSON.stringify(response);
  if (baseVersion === 0) {
    const r = await db
      .insertInto("work_drafts")
      .values({ task_id: task.id, account_id: task.account_id, mode: task.mode, version: 1, response: text, saved_at: now, saved_by: me.id, saved_by_name: me.name })
      .onConflict((oc) => oc.column("task_id").doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 1) return toWire({ version: 1, saved_at: now, saved_by_name: me.name });
  } else {
    const r = await db
      .updateTable("work_drafts")
      .set({ version: baseVersion + 1, response: text, saved_at: now, saved_by: me.id, saved_by_name: me.name })
      .where("task_id", "=", task.id)
      .where("version", "=", baseVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return toWire({ version: baseVersion + 1, saved_at: now, saved_by_name: me.name });
  }
  const current = await db.selectFrom("work_drafts").select("version").where("task_id", "=", task.id).executeTakeFirst();
  throw stale(task.id, Number(current?.version ?? 0));
}

/**
 * A task left pending (completed, canceled, failed): its draft goes, its hold ends, and open work
 * sessions end as "lost" (the workbench's own Submit marks its session "submitted" after).
 * Called inside the transaction that changes the status.
 */
export async function endWork(trx: Kysely<Database>, taskId: string, now = Date.now()): Promise<void> {
  await trx.deleteFrom("work_drafts").where("task_id", "=", taskId).execute();
  await trx.deleteFrom("work_skips").where("task_id", "=", taskId).execute();
  await trx.updateTable("tasks").set({ held_by: null, held_name: null, held_until: null }).where("id", "=", taskId).execute();
  await closeOpenSessions(trx, taskId, "lost", { now });
}
