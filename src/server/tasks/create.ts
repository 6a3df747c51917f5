import { z } from "zod";
import {
  TASK_CREATE_FIELDS,
  TaskCreateFields,
  describeZodError,
  isTaskType,
  taskTypeRegistry,
  TASK_TYPES,
  type Task,
  type TaskType,
} from "../../schema";
import type { Db } from "../store/db";
import { resolveProjectTemplate } from "../projects/template";
import { getTaskRow, toWireTask, type Scope, type TaskRow } from "../store/tasks";
import { newObjectId } from "../store/ids";
import { ApiError, badRequest } from "../http/errors";
import { mapParamsUrls, type HostedUrls } from "../hosted-urls";
import type { InsertPlan } from "./hooks";
import { insertTask, type StoredTask } from "../store/create-batch";

export interface CreateOptions {
  disabledTypes: readonly TaskType[];
  /** Attachments on this server are stored by path, so they survive a new PORT or PUBLIC_URL. */
  urls: HostedUrls;
  /** The origin the create request reached us by: a URL there is ours too. */
  requestOrigin?: string;
  /** How the task lifecycle stores the task (see hooks.ts); without it, the pending row alone. */
  planInsert?: (row: TaskRow) => Promise<InsertPlan>;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Splits a create body into the task's own fields and the params of its type. */
function splitBody(body: Record<string, unknown>) {
  const own: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if ((TASK_CREATE_FIELDS as string[]).includes(key)) own[key] = value;
    else params[key] = value;
  }
  return { own, params };
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(describeZodError(result.error, input));
  return result.data;
}

/**
 * Validates a `POST /v1/task/<type>` body and inserts the task. Everything is checked before the
 * single INSERT, so a refused request leaves nothing behind.
 */
export async function createTask(
  db: Db,
  scope: Scope,
  typeName: string,
  body: unknown,
  /** Read only when the body has no callback_url: most creates need no account lookup. */
  defaults: { defaultCallbackUrl: () => Promise<string | null> },
  options: CreateOptions,
): Promise<{ row: TaskRow; task: Task; plan: InsertPlan | null; stored: StoredTask }> {
  if (!isTaskType(typeName)) {
    throw badRequest(`unknown task type "${typeName}"; the types are ${TASK_TYPES.join(", ")}`);
  }
  const type: TaskType = typeName;
  if (options.disabledTypes.includes(type)) {
    throw new ApiError(402, `${type} tasks are not enabled on this server`);
  }
  if (!isPlainObject(body)) throw badRequest("the request body must be a JSON object or a form");

  const { own, params: rawParams } = splitBody(body);
  const given = parseOrThrow(TaskCreateFields, own);
  // The project is a template: its params are defaults the body overrides, checked merged below.
  const template = await resolveProjectTemplate(db, scope, type, given);
  const fields = Object.keys(template.fields).length === 0 ? given : parseOrThrow(TaskCreateFields, { ...template.fields, ...own });
  const definition = taskTypeRegistry[type];
  const origins = options.requestOrigin ? [options.requestOrigin] : [];
  const merged = { ...template.params, ...rawParams };
  const params = mapParamsUrls(parseOrThrow(definition.params, merged) as Record<string, unknown>, (u) => options.urls.toStored(u, origins));
  const { instruction, project: projectName, paramVersion } = template;
  if (definition.instructionRequired && !instruction.trim()) {
    throw badRequest(`instruction: is required for ${type} tasks`);
  }

  const callbackUrl = fields.callback_url ?? (await defaults.defaultCallbackUrl());
  if (!callbackUrl) {
    throw badRequest("callback_url: is required (this account has no default callback URL)");
  }

  if (fields.unique_id !== undefined) await refuseDuplicate(db, scope, fields.unique_id);

  const now = Date.now();
  const row: TaskRow = {
    id: newObjectId(now),
    account_id: scope.accountId,
    mode: scope.mode,
    type,
    status: "pending",
    project: projectName,
    project_param_version: paramVersion,
    instruction,
    params: JSON.stringify(params),
    response: null,
    urgency: fields.urgency,
    callback_url: callbackUrl,
    metadata: JSON.stringify(fields.metadata),
    unique_id: fields.unique_id ?? null,
    created_at: now,
    completed_at: null,
    callback_succeeded: null,
    sample_key: Math.random(),
    leased_until: null,
  };
  // The lifecycle's rows (a test-mode task's answer and callback, an attachment check) go in the
  // insert's own transaction: a crash can't keep one without the other.
  const plan = options.planInsert ? await options.planInsert(row) : null;
  let stored: StoredTask;
  try {
    // Creates arriving together are written together (store/create-batch.ts); each is still atomic.
    stored = await insertTask(db, { ...plan?.rows, task: plan?.row ?? row });
  } catch (err) {
    // Nothing of the task was stored: neither may what its plan wrote beside the database be.
    await plan?.discard?.().catch((e: unknown) => console.error(`create: files of unstored task ${row.id}:`, (e as Error).message));
    // Two concurrent creates with one unique_id: the index lets one through, the other lands here.
    if (fields.unique_id !== undefined && /UNIQUE/i.test(String(err))) await refuseDuplicate(db, scope, fields.unique_id);
    throw err;
  }
  // The answer is the task as created (pending), whatever the plan stored.
  return { row, task: toWireTask(row, null, options.urls), plan, stored };
}

async function refuseDuplicate(db: Db, scope: Scope, uniqueId: string): Promise<void> {
  const existing = await db
    .selectFrom("tasks")
    .select("id")
    .where("account_id", "=", scope.accountId)
    .where("mode", "=", scope.mode)
    .where("unique_id", "=", uniqueId)
    .executeTakeFirst();
  if (existing) {
    throw new ApiError(409, `unique_id: "${uniqueId}" was already used by task ${existing.id}`, { task_id: existing.id });
  }
}

/** Re-reads a task after a write, for the answer. */
export async function reloadTask(db: Db, scope: Scope, id: string): Promise<TaskRow> {
  const row = await getTaskRow(db, scope, id);
  if (!row) throw new ApiError(404, `no task with task_id ${id}`);
  return row;
}
