// Turns the stats endpoint's rows (one per day × type × project) into what the charts and the
// table draw. Pure functions, tested beside this file.
import type { AuditStats } from "../../../client";
import type { StatsGrouping } from "../search";
import { bucketStart, type Bucket } from "./range";

type Row = AuditStats["per_day"][number];

export interface Counts {
  approved: number;
  rejected: number;
}

/** Approved share in percent, or null when nothing was decided (no rate, not 0%). */
export function approvalRate({ approved, rejected }: Counts): number | null {
  const total = approved + rejected;
  return total === 0 ? null : Math.round((approved / total) * 1000) / 10;
}

export const NO_PROJECT = "(no project)";

export function groupOf(row: Pick<Row, "type" | "project">, by: StatsGrouping): string {
  return by === "type" ? row.type : (row.project ?? NO_PROJECT);
}

export interface DailyTotal extends Counts {
  /** The first day of the bucket (the day itself when bucketing by day). */
  day: string;
}

/** Decisions per bucket, all groups together, with every bucket of the range present. */
export function dailyTotals(rows: readonly Row[], buckets: readonly string[], bucket: Bucket = "day"): DailyTotal[] {
  const byDay = new Map(buckets.map((day) => [day, { day, approved: 0, rejected: 0 }]));
  for (const r of rows) {
    const d = byDay.get(bucketStart(r.day, bucket));
    if (!d) continue;
    d.approved += r.approved;
    d.rejected += r.rejected;
  }
  return [...byDay.values()];
}

export interface GroupTotal extends Counts {
  group: string;
}

/** Groups by number of decisions, most first. */
export function groupTotals(rows: readonly Row[], by: StatsGrouping): GroupTotal[] {
  const totals = new Map<string, GroupTotal>();
  for (const r of rows) {
    const g = groupOf(r, by);
    const t = totals.get(g) ?? { group: g, approved: 0, rejected: 0 };
    t.approved += r.approved;
    t.rejected += r.rejected;
    totals.set(g, t);
  }
  return [...totals.values()].sort((a, b) => b.approved + b.rejected - (a.approved + a.rejected) || a.group.localeCompare(b.group));
}

/** One point per bucket and group: the approval rate then, and how many decisions it rests on. */
export interface RatePoint {
  day: string;
  rates: Record<string, number | null>;
  counts: Record<string, Counts>;
}

export function dailyRates(
  rows: readonly Row[],
  buckets: readonly string[],
  groups: readonly string[],
  by: StatsGrouping,
  bucket: Bucket = "day",
): RatePoint[] {
  const points = new Map<string, RatePoint>(buckets.map((day) => [day, { day, rates: {}, counts: {} }]));
  for (const r of rows) {
    const p = points.get(bucketStart(r.day, bucket));
    const g = groupOf(r, by);
    if (!p || !groups.includes(g)) continue;
    const c = p.counts[g] ?? { approved: 0, rejected: 0 };
    c.approved += r.approved;
    c.rejected += r.rejected;
    p.counts[g] = c;
  }
  for (const p of points.values()) for (const g of groups) p.rates[g] = p.counts[g] ? approvalRate(p.counts[g]) : null;
  return [...points.values()];
}

export interface BreakdownRow extends Counts {
  type: string;
  project: string | null;
}

/** Totals per type and project, for the table under the charts. */
export function breakdown(rows: readonly Row[]): BreakdownRow[] {
  const out = new Map<string, BreakdownRow>();
  for (const r of rows) {
    const key = `${r.type}\u0000${r.project ?? ""}`;
    const b = out.get(key) ?? { type: r.type, project: r.project, approved: 0, rejected: 0 };
    b.approved += r.approved;
    b.rejected += r.rejected;
    out.set(key, b);
  }
  return [...out.values()].sort((a, b) => a.type.localeCompare(b.type) || (a.project ?? "").localeCompare(b.project ?? ""));
}
