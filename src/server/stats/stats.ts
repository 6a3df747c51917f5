import { sql } from "kysely";
import { StatsQuery, TASK_STATUSES, type Stats, type TaskStatus } from "../../schema";
import type { Db } from "../store/db";
import type { Scope } from "../store/tasks";
import { dayOf, DAY_MS } from "./days";
import { completionHistogram, dayTypeStatus, splitRange } from "../stats/rollups";

// The dashboard's numbers. Whole UTC days of the range come from the maintained rollups
// (stats/rollups.ts: counts per day × type × status × project and a completion-time histogram,
// kept by triggers in the transaction of every task write); the partial days at the range's two
// ends are grouped from the tasks through the covering indexes of migration 002 (less than a
// day of rows each). Exact, and independent of the number of tasks:
//  1. day × type × status counts (and failed callbacks), from which every breakdown is summed;
//  2. a histogram of completion times in log buckets 1/8 of an e-fold wide (13% wide, interpolated), from which
//     the percentiles are interpolated — exact percentiles would need a sort of every row.

const BUCKETS_PER_E = 8;

interface Histogram {
  bucket: number;
  n: number;
}

/** Interpolated percentile from log buckets: bucket b holds durations d with ln(d+1)·8 in [b, b+1). */
export function percentileFromHistogram(hist: readonly Histogram[], total: number, p: number): number | null {
  if (total === 0) return null;
  const rank = p * total;
  let below = 0;
  for (const h of hist) {
    if (below + h.n >= rank) {
      const lo = Math.exp(h.bucket / BUCKETS_PER_E) - 1;
      const hi = Math.exp((h.bucket + 1) / BUCKETS_PER_E) - 1;
      const frac = h.n === 0 ? 0 : (rank - below) / h.n;
      return Math.round(lo + (hi - lo) * frac);
    }
    below += h.n;
  }
  const last = hist[hist.length - 1];
  return Math.round(Math.exp((last.bucket + 1) / BUCKETS_PER_E) - 1);
}

/** Day × type × status counts and the completion histogram of tasks created in [start, end] (ms, inclusive), from the tasks. */
async function fromTasks(db: Db, scope: Scope, project: string | undefined, start: number, end: number) {
  const base = () => {
    let query = db
      .selectFrom("tasks")
      .where("account_id", "=", scope.accountId)
      .where("mode", "=", scope.mode)
      .where("created_at", ">=", start)
      .where("created_at", "<=", end);
    if (project) query = query.where("project", "=", project);
    return query;
  };
  const day = sql<number>`created_at / ${sql.lit(DAY_MS)}`;
  const bucket = sql<number>`cast(floor(ln(completed_at - created_at + 1) * ${sql.lit(BUCKETS_PER_E)}) as integer)`;
  const [groups, histogram] = await Promise.all([
    base()
      .select([day.as("day"), "type", "status", sql<number>`count(*)`.as("n"), sql<number>`sum(case when callback_succeeded = 0 then 1 else 0 end)`.as("failed")])
      .groupBy([day, "type", "status"])
      .execute(),
    base()
      .select([bucket.as("bucket"), sql<number>`count(*)`.as("n")])
      .where("status", "=", "completed")
      .where("completed_at", "is not", null)
      .whereRef("completed_at", ">=", "created_at")
      .groupBy(bucket)
      .execute(),
  ]);
  return {
    groups: groups.map((g) => ({ day: Math.floor(Number(g.day)), type: g.type, status: g.status, n: Number(g.n), failed: Number(g.failed) })),
    histogram: histogram.map((h) => ({ bucket: Number(h.bucket), n: Number(h.n) })),
  };
}

export async function computeStats(db: Db, scope: Scope, q: StatsQuery, now = Date.now()): Promise<Stats> {
  const end = q.end_time ?? now;
  const start = q.start_time ?? end - 30 * DAY_MS;
  const parts = splitRange({ start, end });
  const edges = [parts.newerEdge, parts.olderEdge].filter((e) => e !== null);
  const [wholeGroups, wholeHistogram, ...edgeParts] = await Promise.all([
    parts.days ? dayTypeStatus(db, scope, q.project, parts.days) : Promise.resolve([]),
    parts.days ? completionHistogram(db, scope, q.project, parts.days) : Promise.resolve([]),
    ...edges.map((e) => fromTasks(db, scope, q.project, e.start, e.end)),
  ]);
  const groups = [...wholeGroups, ...edgeParts.flatMap((p) => p.groups)].filter((g) => g.n !== 0);
  const byBucket = new Map<number, number>();
  for (const h of [...wholeHistogram, ...edgeParts.flatMap((p) => p.histogram)]) byBucket.set(h.bucket, (byBucket.get(h.bucket) ?? 0) + h.n);

  const totals: Stats["totals"] = { all: 0, pending: 0, completed: 0, canceled: 0, error: 0 };
  const perDay = new Map<string, number>();
  const perDayStatus = new Map<string, number>();
  const byType = new Map<string, number>();
  let callbackFailures = 0;
  for (const g of groups) {
    const n = Number(g.n);
    const d = dayOf(Number(g.day));
    totals.all += n;
    if ((TASK_STATUSES as readonly string[]).includes(g.status)) totals[g.status as TaskStatus] += n;
    perDay.set(`${d}\t${g.type}`, (perDay.get(`${d}\t${g.type}`) ?? 0) + n);
    perDayStatus.set(`${d}\t${g.status}`, (perDayStatus.get(`${d}\t${g.status}`) ?? 0) + n);
    byType.set(`${g.type}\t${g.status}`, (byType.get(`${g.type}\t${g.status}`) ?? 0) + n);
    callbackFailures += Number(g.failed);
  }
  const split = (m: Map<string, number>) => [...m].map(([k, count]) => [...k.split("\t"), count] as [string, string, number]).sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
  const hist = [...byBucket].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]).map(([bucket, n]) => ({ bucket, n }));
  const completed = hist.reduce((s, h) => s + h.n, 0);
  return {
    range: { start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    totals,
    per_day: split(perDay).map(([d, type, count]) => ({ day: d, type, count })),
    per_day_status: split(perDayStatus).map(([d, status, count]) => ({ day: d, status: status as TaskStatus, count })),
    status_by_type: split(byType).map(([type, status, count]) => ({ type, status: status as TaskStatus, count })),
    completion_ms: {
      p50: percentileFromHistogram(hist, completed, 0.5),
      p90: percentileFromHistogram(hist, completed, 0.9),
      p99: percentileFromHistogram(hist, completed, 0.99),
      count: completed,
    },
    callback_failures: callbackFailures,
  };
}
