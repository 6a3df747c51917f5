import type { FastifyInstance } from "fastify";
import type { Task } from "../../schema";
import type { Db } from "../store/db";
import type { TaskRow } from "../store/tasks";
import { scopeOf } from "../http/request";
import type { FileStore } from "../files/files";
import { findTaskOr404 } from "../tasks/task-lookup";
import { completer } from "../tasks/complete";

/** `POST /v1/task/:id/complete {response}`: a person's answer to a pending task. */
export function registerCompleteRoute(v1: FastifyInstance, db: Db, files: FileStore, onFinished: (row: TaskRow) => void): void {
  const complete = completer(db, files, onFinished);
  v1.post<{ Params: { id: string } }>("/task/:id/complete", async (req): Promise<Task> => {
    const row = await findTaskOr404(db, scopeOf(req), req.params.id);
    return complete(req, row, req.body);
  });
}
