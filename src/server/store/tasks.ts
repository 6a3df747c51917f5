import type { Selectable, SelectQueryBuilder } from "kysely";
import type { Task, TaskListQuery } from "../../schema";
import type { Db } from "./db";
import type { Database, Mode, TasksTable } from "./schema";
import { readJson } from "./json";
import { mapParamsUrls, mapResponseUrls, type PublicUrls } from "../hosted-urls";

/** The workbench's hold columns are optional here: code that builds a fresh row needs no opinion on them. */
type HoldColumn = "held_by" | "held_name" | "held_until";
export type TaskRow = Omit<Selectable<TasksTable>, HoldColumn> & Partial<Pick<Selectable<TasksTable>, HoldColumn>>;

export interface Scope {
  accountId: string;
  mode: Mode;
}

export interface LatestAudit {
  accepted: number;
  comments: string;
  audited_at: number;
  audited_by: string;
}

/**
 * The wire task object. Optional fields are left out rather than sent as null, as the docs show.
 * Files this server hosts are stored by path and get their base from `urls` (see hosted-urls.ts).
 */
export function toWireTask(row: TaskRow, audit: LatestAudit | null | undefined, urls: PublicUrls): Task {
  const publicUrl = (u: string) => urls.toPublic(u);
  const task: Task = {
    task_id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    callback_url: row.callback_url,
    type: row.type as Task["type"],
    status: row.status as Task["status"],
    instruction: row.instruction,
    urgency: row.urgency as Task["urgency"],
    params: mapParamsUrls(readJson(row.params, "tasks.params"), publicUrl),
    metadata: readJson(row.metadata, "tasks.metadata"),
  };
  if (row.completed_at !== null) task.completed_at = new Date(row.completed_at).toISOString();
  if (row.response !== null) task.response = mapResponseUrls(readJson(row.response, "tasks.response"), publicUrl);
  if (row.callback_succeeded !== null) task.callback_succeeded = row.callback_succeeded === 1;
  if (row.project !== null) task.project = row.project;
  if (row.project_param_version !== null) task.project_param_version = row.project_param_version;
  if (row.unique_id !== null) task.unique_id = row.unique_id;
  if (audit !== undefined) {
    task.audit = audit
      ? {
          accepted: audit.accepted === 1,
          comments: audit.comments,
          audited_at: new Date(audit.audited_at).toISOString(),
          audited_by: audit.audited_by,
        }
      : null;
  }
  return task;
}

export async function getTaskRow(db: Db, scope: Scope, id: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom("tasks")
    .selectAll()
    .where("id", "=", id)
    .where("account_id", "=", scope.accountId)
    .where("mode", "=", scope.mode)
    .executeTakeFirst();
}

/** Latest audit per task, for a page of tasks, in one query. */
export async function latestAudits(db: Db, taskIds: string[]): Promise<Map<string, LatestAudit>> {
  const out = new Map<string, LatestAudit>();
  if (taskIds.length === 0) return out;
  const rows = await db
    .selectFrom("audits")
    .select(["task_id", "accepted", "comments", "audited_at", "audited_by", "id"])
    .where("task_id", "in", taskIds)
    .orderBy("audited_at", "asc")
    .orderBy("id", "asc")
    .execute();
  for (const r of rows) out.set(r.task_id, r);
  return out;
}

/**
 * The rows of `page` (a query over tasks selecting every column) each with its latest audit (by
 * time, then id, as `latestAudits` orders them), in ONE query: a request then waits for one round
 * trip instead of two, which counts under load, where every await queues behind other work. The
 * latest audit's id is a correlated subquery per row, so both databases read it through the
 * (task_id, audited_at) index whatever they think of the audits table's size.
 * Callers order the result themselves (the join does not keep the subquery's order).
 */
export function withLatestAudit(db: Db, page: SelectQueryBuilder<Database, "tasks", Selectable<TasksTable>>) {
  return db
    .selectFrom(page.as("t"))
    .leftJoin("audits as a", (join) =>
      join.on((eb) =>
        eb(
          "a.id",
          "=",
          eb.selectFrom("audits as b").select("b.id").whereRef("b.task_id", "=", "t.id").orderBy("b.audited_at", "desc").orderBy("b.id", "desc").limit(1),
        ),
      ),
    )
    .selectAll("t")
    .select(["a.accepted as audit_accepted", "a.comments as audit_comments", "a.audited_at as audit_audited_at", "a.audited_by as audit_audited_by"]);
}

/** A row of `withLatestAudit` as the wire task. */
export function toWireTaskWithAudit(
  row: TaskRow & { audit_accepted: number | null; audit_comments: string | null; audit_audited_at: number | null; audit_audited_by: string | null },
  urls: PublicUrls,
): Task {
  const audit: LatestAudit | null =
    row.audit_accepted === null ? null : { accepted: row.audit_accepted, comments: row.audit_comments!, audited_at: Number(row.audit_audited_at), audited_by: row.audit_audited_by! };
  return toWireTask(row, audit, urls);
}

export async function getWireTask(db: Db, scope: Scope, id: string, urls: PublicUrls): Promise<Task | undefined> {
  const page = db.selectFrom("tasks").selectAll().where("id", "=", id).where("account_id", "=", scope.accountId).where("mode", "=", scope.mode);
  const row = await withLatestAudit(db, page).executeTakeFirst();
  return row ? toWireTaskWithAudit(row, urls) : undefined;
}

/** The filtered set of `GET /v1/tasks`, shared by the list, the export and the stats. */
export function filteredTasks(db: Db, scope: Scope, q: Omit<TaskListQuery, "limit" | "offset">) {
  let query = db.selectFrom("tasks").where("account_id", "=", scope.accountId).where("mode", "=", scope.mode);
  if (q.start_time !== undefined) query = query.where("created_at", ">=", q.start_time);
  if (q.end_time !== undefined) query = query.where("created_at", "<=", q.end_time);
  if (q.status) query = query.where("status", "=", q.status);
  if (q.type) query = query.where("type", "=", q.type);
  if (q.project) query = query.where("project", "=", q.project);
  if (q.callback_succeeded !== undefined) query = query.where("callback_succeeded", "=", q.callback_succeeded ? 1 : 0);
  if (q.unique_id) query = query.where("unique_id", "=", q.unique_id);
  if (q.task_id) {
    const id = q.task_id.toLowerCase();
    query = id.length === 24 ? query.where("id", "=", id) : query.where("id", ">=", id).where("id", "<", id + "g");
  }
  return query;
}
