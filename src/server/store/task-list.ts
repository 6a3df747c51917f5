import { sql } from "kysely";
import type { TaskList, TaskListQuery } from "../../schema";
import type { Db } from "./db";
import { filteredTasks, latestAudits, toWireTask, type Scope } from "./tasks";
import type { PublicUrls } from "../hosted-urls";
import { countsPerDay, DAY_MS, idPrefixTimes, intersect, irregularIds, splitRange, type TimeRange } from "../stats/rollups";

// `GET /v1/tasks`: one page, newest first, with an EXACT `total`. Counting a million rows per
// request is what made pages slow, so the total comes from the maintained per-day counts
// (task_rollups) plus the partial days at the range's edges, counted through an index. The same
// per-day counts make deep offsets cheap: whole days before the offset are skipped by narrowing
// the time range, so the database skips at most a day of rows instead of `offset` rows.

type Filters = Omit<TaskListQuery, "limit" | "offset">;

/** A part of the time range, newest first, with how many tasks of the filter it holds. */
interface Segment {
  start: number;
  n: number;
}

async function countRows(db: Db, scope: Scope, filters: Filters): Promise<number> {
  const r = await filteredTasks(db, scope, filters).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * How a query maps onto the rollups: its time range (an id prefix of up to 8 digits is a range of
 * creation seconds when every id in the scope begins with its creation second), or null when
 * the rollups have no dimension for one of its filters (unique_id, a longer id prefix).
 */
async function rollupRange(db: Db, scope: Scope, q: Filters): Promise<{ range: TimeRange; filters: Filters } | null> {
  if (q.unique_id !== undefined) return null;
  const range: TimeRange = { start: q.start_time, end: q.end_time };
  if (q.task_id === undefined) return { range, filters: q };
  const prefix = q.task_id.toLowerCase();
  if (prefix.length > 8 || (await irregularIds(db, scope)) > 0) return null;
  return { range: intersect(range, idPrefixTimes(prefix)), filters: { ...q, task_id: undefined } };
}

/** The range's parts, newest first, each with its count of tasks matching `filters`. */
async function segments(db: Db, scope: Scope, filters: Filters, range: TimeRange): Promise<Segment[]> {
  if (range.start !== undefined && range.end !== undefined && range.start > range.end) return [];
  const split = splitRange(range);
  const edge = async (e: { start: number; end: number } | null): Promise<Segment[]> =>
    e ? [{ start: e.start, n: await countRows(db, scope, { ...filters, start_time: e.start, end_time: e.end }) }] : [];
  const [newer, days, older] = await Promise.all([
    edge(split.newerEdge),
    split.days ? countsPerDay(db, scope, filters, split.days) : Promise.resolve([]),
    edge(split.olderEdge),
  ]);
  return [...newer, ...days.map((d) => ({ start: d.day * DAY_MS, n: d.n })), ...older];
}

export async function listTasks(db: Db, scope: Scope, q: TaskListQuery, urls: PublicUrls): Promise<TaskList> {
  const { limit, offset, ...query } = q;
  const mapped = await rollupRange(db, scope, query);
  let total: number;
  let pageFilters: Filters;
  let pageOffset = offset;
  if (mapped) {
    const parts = await segments(db, scope, mapped.filters, mapped.range);
    total = parts.reduce((s, p) => s + p.n, 0);
    // Skip the whole parts before the offset: the page starts in the part holding row `offset`.
    let upper = mapped.range.end;
    for (const part of parts) {
      if (pageOffset < part.n) break;
      pageOffset -= part.n;
      upper = part.start - 1;
    }
    pageFilters = { ...mapped.filters, start_time: mapped.range.start, end_time: upper };
  } else {
    // unique_id (at most one task) or an id prefix within one second: few rows to count.
    total = await countRows(db, scope, query);
    pageFilters = query;
  }
  const rows =
    offset >= total
      ? []
      : await filteredTasks(db, scope, pageFilters).selectAll().orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).offset(pageOffset).execute();
  const audits = await latestAudits(db, rows.map((r) => r.id));
  return {
    docs: rows.map((r) => toWireTask(r, audits.get(r.id) ?? null, urls)),
    total,
    limit,
    offset,
    has_more: offset + rows.length < total,
  };
}
