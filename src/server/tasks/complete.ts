import type { FastifyRequest } from "fastify";
import { CompleteTaskBody, describeZodError, isTaskType, type Task } from "../../schema";
import type { Db } from "../store/db";
import { getTaskRow, getWireTask, type TaskRow } from "../store/tasks";
import { readJson } from "../store/json";
import { ApiError, badRequest } from "../http/errors";
import { requestOrigin, scopeOf } from "../http/request";
import { mapResponseUrls, paramsWithPublicUrls } from "../hosted-urls";
import { hostedImageSize, recordedCanvas } from "../attachments/attachments";
import type { FileStore } from "../files/files";
import { finishTask } from "../callbacks/outbox";
import { validateResponse } from "./validate-response";
import { recordActivity } from "../accounts/activity";

// A person's answer to a pending task. It must pass the same validator the test-mode generator is
// proved against; the first violations are named.

/**
 * Completes a pending task with a person's answer: the one path for `POST /v1/task/:id/complete`
 * and the workbench's Submit (which checks its lease first and says so in `detail`).
 */
export type CompleteTask = (req: FastifyRequest, row: TaskRow, rawBody: unknown, detail?: string) => Promise<Task>;

export function completer(db: Db, files: FileStore, onFinished: (row: TaskRow) => void): CompleteTask {
  return async (req, row, rawBody, detail) => {
    const scope = scopeOf(req);
    if (row.status !== "pending") {
      throw new ApiError(409, `task ${row.id} is already ${row.status}; only pending tasks can be completed`);
    }
    const body = CompleteTaskBody.safeParse(Buffer.isBuffer(rawBody) ? undefined : rawBody);
    if (!body.success) throw badRequest(describeZodError(body.error, rawBody));
    if (!isTaskType(row.type)) throw new ApiError(500, `task ${row.id} has an unknown type ${row.type}`);
    const params = readJson<Record<string, unknown>>(row.params, "tasks.params");
    const url = typeof params.attachment === "string" ? params.attachment : null;
    const canvas = url ? ((await recordedCanvas(db, row.id, url)) ?? (await hostedImageSize(files, url))) : null;
    // The validator reads masks synchronously; the store may be the database, so read first.
    const hosted = await files.readAllHosted(body.data.response);
    const result = validateResponse(row.type, paramsWithPublicUrls(params, files.urls), body.data.response, { canvas, readMask: (u) => hosted.get(u) ?? null });
    if (!result.ok) {
      const more = result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : "";
      throw badRequest(result.errors.slice(0, 5).join("; ") + more);
    }
    // Masks uploaded here are stored by path, like everything else this server hosts.
    const response = mapResponseUrls(result.response, (u) => files.urls.toStored(u, [requestOrigin(req)]));
    const done = await finishTask(db, row.id, { status: "completed", response });
    if (!done) {
      const now = await getTaskRow(db, scope, row.id);
      throw new ApiError(409, `task ${row.id} is already ${now?.status ?? "finished"}; only pending tasks can be completed`);
    }
    await recordActivity(db, req, { action: "completed", taskId: row.id, detail });
    onFinished(done);
    return (await getWireTask(db, scope, row.id, files.urls))!;
  };
}
