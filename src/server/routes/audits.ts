import type { FastifyInstance } from "fastify";
import {
  AuditBody,
  AuditSampleQuery,
  AuditStatsQuery,
  describeZodError,
  type AuditList,
  type AuditSample,
  type AuditStats,
  type Task,
} from "../../schema";
import type { Db } from "../store/db";
import { getWireTask } from "../store/tasks";
import { ApiError, badRequest } from "../http/errors";
import { scopeOf } from "../http/request";
import type { PublicUrls } from "../hosted-urls";
import { findTaskOr404 } from "../tasks/task-lookup";
import { auditHistory, auditStats, recordAudit, sampleUnaudited } from "../audits/audits";

/** /v1 audits: approve or reject a completed task, its audit history, a sample to audit, decisions per day. */
export function registerAuditRoutes(v1: FastifyInstance, db: Db, urls: PublicUrls): void {
  v1.post<{ Params: { id: string } }>("/task/:id/audit", async (req): Promise<Task> => {
    const scope = scopeOf(req);
    const row = await findTaskOr404(db, scope, req.params.id);
    const parsed = AuditBody.safeParse(Buffer.isBuffer(req.body) ? {} : req.body);
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, req.body));
    if (row.status !== "completed") throw new ApiError(400, `task ${row.id} is ${row.status}; only completed tasks can be audited`);
    await recordAudit(db, scope, row.id, parsed.data, req);
    return (await getWireTask(db, scope, row.id, urls))!;
  });

  v1.get<{ Params: { id: string } }>("/task/:id/audits", async (req): Promise<AuditList> => {
    const row = await findTaskOr404(db, scopeOf(req), req.params.id);
    return auditHistory(db, row.id);
  });

  v1.get("/audits/sample", async (req): Promise<AuditSample> => {
    const parsed = AuditSampleQuery.safeParse(req.query);
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, req.query));
    return { docs: await sampleUnaudited(db, scopeOf(req), parsed.data, urls) };
  });

  v1.get("/audits/stats", async (req): Promise<AuditStats> => {
    const parsed = AuditStatsQuery.safeParse(req.query);
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, req.query));
    return auditStats(db, scopeOf(req), parsed.data);
  });
}
