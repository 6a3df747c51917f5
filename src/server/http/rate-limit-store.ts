import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { sql } from "kysely";
import type { Db } from "../store/db";

// The per-key rate limit's counts in the database, for several processes on one PostgreSQL:
// one upsert per request counts the hit and starts a new window when the old one is over, so
// every process sees the same count. (One SQLite process keeps them in memory instead.)

export async function countHit(db: Db, key: string, windowMs: number, now = Date.now()): Promise<{ current: number; ttl: number }> {
  const expired = sql<boolean>`${sql.ref("rate_limits.window_start")} <= ${now - windowMs}`;
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        hits: sql<number>`case when ${expired} then 1 else ${sql.ref("rate_limits.hits")} + 1 end`,
        window_start: sql<number>`case when ${expired} then ${now} else ${sql.ref("rate_limits.window_start")} end`,
      }),
    )
    .returning(["hits", "window_start"])
    .executeTakeFirstOrThrow();
  return { current: Number(row.hits), ttl: Math.max(0, Number(row.window_start) + windowMs - now) };
}

/** A store class for @fastify/rate-limit's `store` option. */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      countHit(db, key, timeWindow).then(
        (r) => callback(null, r),
        (err: unknown) => callback(err as Error),
      );
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return DatabaseRateLimitStore;
}
