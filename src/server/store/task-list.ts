import { sql } from "kysely";
import type { TaskList, TaskListQuery } from "../../schema";
import type { Db } from "./db";
import { filteredTasks, toWireTaskWithAudit, withLatestAudit, type Scope } from "./tasks";
import type { PublicUrls } from "../hosted-urls";
import { countDays, countsPerDay, DAY_MS, idPrefixTimes, intersect, irregularIds, splitRange, type TimeRange } from "../stats/rollups";

// `GET /v1/tasks`: one page, newest first, with an EXACT `total`. Counting a million rows per
// request is what made pages slow, so the total comes from the maintained per-day counts
// (task_rollups) plus the partial days at the range's edges, counted through an index. The same
// per-day counts make deep offsets cheap: whole days before the offset are skipped by narrowing
// the time range, so the database skips at most a day of rows instead of `offset` rows.
//
// Under load every await of a request queues behind other requests' work, so a request waits
// for as few round trips as it can: the first page does not depend on the counts and is read
// alongside them, each task's latest audit comes in the page's own query, and an id prefix's
// check for irregular ids runs alongside the plan that assumes there are none.

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

interface Plan {
  range: TimeRange;
  filters: Filters;
  /** Whether the rollups have a dimension for every filter left. */
  rollups: boolean;
}

/**
 * How a query maps onto the rollups: its time range, and whether the rollups have a dimension for
 * every filter left (not for unique_id, at most one task, nor for the digits of an id prefix past
 * the 8th). When every id in the scope begins with its creation second (the rollups count the
 * ones that don't), an id prefix is a range of creation times: the first 8 digits become that
 * range, so even a long prefix is counted within one second of tasks. `regularIds` says whether
 * that holds; the caller checks it (see `listTasks`).
 */
function planQuery(q: Filters, regularIds: boolean): Plan {
  const range: TimeRange = { start: q.start_time, end: q.end_time };
  if (q.unique_id !== undefined) return { range, filters: q, rollups: false };
  if (q.task_id === undefined) return { range, filters: q, rollups: true };
  if (!regularIds) return { range, filters: q, rollups: false };
  const prefix = q.task_id.toLowerCase();
  const times = intersect(range, idPrefixTimes(prefix.slice(0, 8)));
  return prefix.length <= 8 ? { range: times, filters: { ...q, task_id: undefined }, rollups: true } : { range: times, filters: q, rollups: false };
}

const emptyRange = (r: TimeRange) => r.start !== undefined && r.end !== undefined && r.start > r.end;

/** The range's parts, newest first, each with its count of tasks matching `filters`. */
async function segments(db: Db, scope: Scope, filters: Filters, range: TimeRange): Promise<Segment[]> {
  if (emptyRange(range)) return [];
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

/** The exact number of tasks of the plan (one sum over the rollups: nothing needs it per day). */
async function totalOf(db: Db, scope: Scope, plan: Plan): Promise<number> {
  if (emptyRange(plan.range) || !plan.rollups) return (await countPlan(db, scope, plan)).total;
  const split = splitRange(plan.range);
  const edge = (e: { start: number; end: number } | null) => (e ? countRows(db, scope, { ...plan.filters, start_time: e.start, end_time: e.end }) : 0);
  const counts = await Promise.all([edge(split.newerEdge), split.days ? countDays(db, scope, plan.filters, split.days) : 0, edge(split.olderEdge)]);
  return counts.reduce((s, n) => s + n, 0);
}

/** The exact number of tasks of the plan, and when the rollups have it, per part of its range. */
async function countPlan(db: Db, scope: Scope, plan: Plan): Promise<{ total: number; parts: Segment[] | null }> {
  if (emptyRange(plan.range)) return { total: 0, parts: [] };
  if (!plan.rollups) {
    // unique_id (at most one task), an id prefix within one second, or a scope with irregular ids.
    return { total: await countRows(db, scope, { ...plan.filters, start_time: plan.range.start, end_time: plan.range.end }), parts: null };
  }
  const parts = await segments(db, scope, plan.filters, plan.range);
  return { total: parts.reduce((s, p) => s + p.n, 0), parts };
}

/** `limit` tasks of `filters` from `offset` on, newest first, each with its latest audit. */
function readPage(db: Db, scope: Scope, filters: Filters, limit: number, offset: number) {
  const page = filteredTasks(db, scope, filters).selectAll().orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).offset(offset);
  return withLatestAudit(db, page).orderBy("t.created_at", "desc").orderBy("t.id", "desc").execute();
}

type PageRow = Awaited<ReturnType<typeof readPage>>[number];

/** The first page: read alongside the counts, since it does not depend on them. */
async function firstPage(db: Db, scope: Scope, plan: Plan, limit: number): Promise<{ total: number; rows: PageRow[] }> {
  if (emptyRange(plan.range)) return { total: 0, rows: [] };
  const filters: Filters = { ...plan.filters, start_time: plan.range.start, end_time: plan.range.end };
  const [total, rows] = await Promise.all([totalOf(db, scope, plan), readPage(db, scope, filters, limit, 0)]);
  return { total, rows };
}

/**
 * A page further in: the counts first, then only the rows between the part holding row `offset`
 * and the part holding the page's last row (one part more, so tasks created meanwhile, which
 * move every row one place older, can't push the page's last row out of the range read).
 */
async function laterPage(db: Db, scope: Scope, plan: Plan, limit: number, offset: number): Promise<{ total: number; rows: PageRow[] }> {
  const { total, parts } = await countPlan(db, scope, plan);
  if (offset >= total) return { total, rows: [] };
  const { range } = plan;
  if (parts === null) return { total, rows: await readPage(db, scope, { ...plan.filters, start_time: range.start, end_time: range.end }, limit, offset) };
  let pageOffset = offset;
  let upper = range.end;
  let i = 0;
  // Skip the whole parts before the offset: the page starts in the part holding row `offset`.
  for (; i < parts.length && pageOffset >= parts[i].n; i++) {
    pageOffset -= parts[i].n;
    upper = parts[i].start - 1;
  }
  let lower = range.start;
  for (let j = i, left = pageOffset + limit; j < parts.length; j++) {
    left -= parts[j].n;
    if (left <= 0) {
      if (j + 1 < parts.length) lower = parts[j + 1].start;
      break;
    }
  }
  return { total, rows: await readPage(db, scope, { ...plan.filters, start_time: lower, end_time: upper }, limit, pageOffset) };
}

export async function listTasks(db: Db, scope: Scope, q: TaskListQuery, urls: PublicUrls): Promise<TaskList> {
  const { limit, offset, ...query } = q;
  const read = (plan: Plan) => (offset === 0 ? firstPage(db, scope, plan, limit) : laterPage(db, scope, plan, limit, offset));
  let result: { total: number; rows: PageRow[] };
  if (query.task_id !== undefined && query.unique_id === undefined) {
    // Ids are normally regular: read on that plan while checking it, and again on the plan
    // that counts the rows themselves in the rare scope where it does not hold.
    const [irregular, assumed] = await Promise.all([irregularIds(db, scope), read(planQuery(query, true))]);
    result = irregular > 0 ? await read(planQuery(query, false)) : assumed;
  } else {
    result = await read(planQuery(query, true));
  }
  const { total, rows } = result;
  return {
    docs: rows.map((r) => toWireTaskWithAudit(r, urls)),
    total,
    limit,
    offset,
    has_more: offset + rows.length < total,
  };
}
