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
 * How a query maps onto the rollups: its time range, and whether the rollups have a dimension for
 * every filter left (not for unique_id, at most one task, nor for the digits of an id prefix past
 * the 8th). When every id in the scope begins with its creation second (the rollups count the
 * ones that don't), an id prefix is a range of creation times: the first 8 digits become that
 * range, so even a long prefix is counted within one second of tasks.
 */
async function planQuery(db: Db, scope: Scope, q: Filters): Promise<{ range: TimeRange; filters: Filters; rollups: boolean }> {
  const range: TimeRange = { start: q.start_time, end: q.end_time };
  if (q.unique_id !== undefined) return { range, filters: q, rollups: false };
  if (q.task_id === undefined) return { range, filters: q, rollups: true };
  if ((await irregularIds(db, scope)) > 0) return { range, filters: q, rollups: false };
  const prefix = q.task_id.toLowerCase();
  const times = intersect(range, idPrefixTimes(prefix.slice(0, 8)));
  return prefix.length <= 8 ? { range: times, filters: { ...q, task_id: undefined }, rollups: true } : { range: times, filters: q, rollups: false };
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
  const plan = await planQuery(db, scope, query);
  const { range } = plan;
  let total: number;
  let pageOffset = offset;
  let upper = range.end;
  if (range.start !== undefined && range.end !== undefined && range.start > range.end) {
    total = 0;
  } else if (plan.rollups) {
    const parts = await segments(db, scope, plan.filters, range);
    total = parts.reduce((s, p) => s + p.n, 0);
    // Skip the whole parts before the offset: the page starts in the part holding row `offset`.
    for (const part of parts) {
      if (pageOffset < part.n) break;
      pageOffset -= part.n;
      upper = part.start - 1;
    }
  } else {
    // unique_id (at most one task), an id prefix within one second, or a scope with irregular ids.
    total = await countRows(db, scope, { ...plan.filters, start_time: range.start, end_time: range.end });
  }
  const pageFilters: Filters = { ...plan.filters, start_time: range.start, end_time: upper };
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
