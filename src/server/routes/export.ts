import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { ExportQuery, describeZodError } from "../../schema";
import type { Db } from "../store/db";
import { badRequest } from "../http/errors";
import { scopeOf } from "../http/request";
import type { PublicUrls } from "../hosted-urls";
import { exportTasks } from "../export/export";

/** `GET /v1/tasks/export`: every task matching the list filters, streamed as JSON, NDJSON or COCO. */
export function registerExportRoute(v1: FastifyInstance, db: Db, urls: PublicUrls): void {
  v1.get("/tasks/export", async (req, reply) => {
    const parsed = ExportQuery.safeParse(req.query);
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, req.query));
    const format = parsed.data.format;
    const { total, body } = await exportTasks(db, scopeOf(req), parsed.data, urls);
    const ext = format === "ndjson" ? "ndjson" : "json";
    reply
      .header("x-total-count", String(total))
      .header("content-disposition", `attachment; filename="tasks-${format}.${ext}"`)
      .type(format === "ndjson" ? "application/x-ndjson; charset=utf-8" : "application/json; charset=utf-8");
    return reply.send(Readable.from(body, { objectMode: false, highWaterMark: 64 * 1024 }));
  });
}
