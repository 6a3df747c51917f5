import type { Db } from "../store/db";
import type { Scope } from "../store/tasks";

// Reads of the maintained counts (task_rollups, task_completion_rollups: migrations/006_rollups.ts,
// kept by triggers in the transaction of every task write). A time range is split into whole UTC
// days, read from the rollups, and the partial days at its edges, which the callers count from
// the tasks themselves through an index (less than a day of rows each): exact, and cheap whatever
// the range.

export const DAY_MS = 86_400_000;

/** The filters the rollups have a dimension for. */
export interface RollupFilter {
  status?: string;
  type?: string;
  project?: string;
  callback_succeeded?: boolean;
}

/** An inclusive range of created_at (ms); open ends are undefined. */
export interface TimeRange {
  start?: number;
  end?: number;
}

export interface SplitRange {
  /** Whole days inside the range, inclusive day numbers; null when there is none. */
  days: { first: number | null; last: number | null } | null;
  /** Parts of days at the edges (inclusive ms), newest first. */
  newerEdge: { start: number; end: number } | null;
  olderEdge: { start: number; end: number } | null;
}

/** Splits a created_at range into whole days and the partial days at its ends. */
export function splitRange(r: TimeRange): SplitRange {
  const first = r.start === undefined ? null : Math.ceil(r.start / DAY_MS);
  const last = r.end === undefined ? null : Math.floor((r.end + 1) / DAY_MS) - 1;
  if (first !== null && last !== null && first > last) {
    // Within one day or across one midnight: no whole day; the edge is the range itself.
    return { days: null, newerEdge: r.start! <= r.end! ? { start: r.start!, end: r.end! } : null, olderEdge: null };
  }
  return {
    days: { first, last },
    newerEdge: last !== null && r.end! >= (last + 1) * DAY_MS ? { start: (last + 1) * DAY_MS, end: r.end! } : null,
    olderEdge: first !== null && r.start! < first * DAY_MS ? { start: r.start!, end: first * DAY_MS - 1 } : null,
  };
}

function rollupQuery(db: Db, scope: Scope, f: RollupFilter, days: { first: number | null; last: number | null }) {
  let q = db.selectFrom("task_rollups").where("account_id", "=", scope.accountId).where("mode", "=", scope.mode);
  if (days.first !== null) q = q.where("day", ">=", days.first);
  if (days.last !== null) q = q.where("day", "<=", days.last);
  if (f.status !== undefined) q = q.where("status", "=", f.status);
  if (f.type !== undefined) q = q.where("type", "=", f.type);
  if (f.project !== undefined) q = q.where("project", "=", f.project);
  return q;
}

/** The rollup column that counts the tasks a filter selects. */
function countColumn(f: RollupFilter) {
  return f.callback_succeeded === undefined ? "n" : f.callback_succeeded ? "callback_ok" : "callback_failed";
}

/** Tasks per whole day matching `f`, newest day first (days with none left out). */
export async function countsPerDay(db: Db, scope: Scope, f: RollupFilter, days: { first: number | null; last: number | null }): Promise<{ day: number; n: number }[]> {
  const col = countColumn(f);
  const rows = await rollupQuery(db, scope, f, days)
    .select((eb) => ["day", eb.fn.sum<number>(col).as("n")])
    .groupBy("day")
    .orderBy("day", "desc")
    .execute();
  return rows.map((r) => ({ day: Number(r.day), n: Number(r.n) })).filter((r) => r.n > 0);
}

/** Tasks in the whole days matching `f`: one sum, for when nothing needs them per day. */
export async function countDays(db: Db, scope: Scope, f: RollupFilter, days: { first: number | null; last: number | null }): Promise<number> {
  const r = await rollupQuery(db, scope, f, days)
    .select((eb) => eb.fn.sum<number>(countColumn(f)).as("n"))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Day × type × status counts (and failed callbacks) of whole days, for the stats. */
export async function dayTypeStatus(db: Db, scope: Scope, project: string | undefined, days: { first: number | null; last: number | null }) {
  const rows = await rollupQuery(db, scope, { project }, days)
    .select((eb) => ["day", "type", "status", eb.fn.sum<number>("n").as("n"), eb.fn.sum<number>("callback_failed").as("failed")])
    .groupBy(["day", "type", "status"])
    .execute();
  return rows.map((r) => ({ day: Number(r.day), type: r.type, status: r.status, n: Number(r.n), failed: Number(r.failed) }));
}

/** Completion-time histogram (bucket → count) of whole days, for the stats' percentiles. */
export async function completionHistogram(db: Db, scope: Scope, project: string | undefined, days: { first: number | null; last: number | null }) {
  let q = db.selectFrom("task_completion_rollups").where("account_id", "=", scope.accountId).where("mode", "=", scope.mode);
  if (days.first !== null) q = q.where("day", ">=", days.first);
  if (days.last !== null) q = q.where("day", "<=", days.last);
  if (project !== undefined) q = q.where("project", "=", project);
  const rows = await q
    .select((eb) => ["bucket", eb.fn.sum<number>("n").as("n")])
    .groupBy("bucket")
    .execute();
  return rows.map((r) => ({ bucket: Number(r.bucket), n: Number(r.n) }));
}

/**
 * Tasks of the scope whose id does not begin with their creation second. Normally none (ids are
 * made from the creation time): then an id prefix of up to 8 digits is a range of creation times.
 */
export async function irregularIds(db: Db, scope: Scope): Promise<number> {
  const r = await db
    .selectFrom("task_rollups")
    .select((eb) => eb.fn.sum<number>("irregular_ids").as("n"))
    .where("account_id", "=", scope.accountId)
    .where("mode", "=", scope.mode)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The creation times (inclusive ms) of the ids that begin with `prefix` (1 to 8 hex digits). */
export function idPrefixTimes(prefix: string): { start: number; end: number } {
  const lo = parseInt(prefix.padEnd(8, "0"), 16);
  const hi = parseInt(prefix.padEnd(8, "f"), 16);
  return { start: lo * 1000, end: hi * 1000 + 999 };
}

/** The intersection of two created_at ranges. */
export function intersect(a: TimeRange, b: TimeRange): TimeRange {
  const pick = (x: number | undefined, y: number | undefined, f: (p: number, q: number) => number) => (x === undefined ? y : y === undefined ? x : f(x, y));
  return { start: pick(a.start, b.start, Math.max), end: pick(a.end, b.end, Math.min) };
}
