import type { FastifyInstance } from "fastify";
import { StatsQuery, describeZodError, type Stats } from "../../schema";
import type { Db } from "../store/db";
import { badRequest } from "../http/errors";
import { scopeOf } from "../http/request";
import { computeStats } from "../stats/stats";

/** `GET /v1/stats`: the overview's figures for a date range. */
export function registerStatsRoute(v1: FastifyInstance, db: Db): void {
  v1.get("/stats", async (req): Promise<Stats> => {
    const parsed = StatsQuery.safeParse(req.query);
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, req.query));
    return computeStats(db, scopeOf(req), parsed.data);
  });
}
