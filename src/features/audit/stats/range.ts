// UTC day arithmetic: the stats endpoint groups decisions by UTC day.
import type { AuditStatsSearch } from "../search";

export const DEFAULT_RANGE_DAYS = 30;
export const PRESETS = [7, 30, 90, 365] as const;

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from `from` to `to` inclusive, so days without audits show as such, not as gaps. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 3700; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface DayRange {
  from: string;
  to: string;
}

export function resolveRange(search: Pick<AuditStatsSearch, "from" | "to">): DayRange {
  const to = search.to ?? todayUtc();
  const from = search.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  return from <= to ? { from, to } : { from: to, to: from };
}

/** "Jan 5" for axis ticks; the day is UTC so it is formatted as UTC. */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00.000Z`).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
}

/** How finely the charts bucket time: days for short ranges, weeks and months for long ones,
 * so a handful of audits a week still reads as a rate rather than a scatter of 0% and 100%. */
export type Bucket = "day" | "week" | "month";

export function bucketFor(range: DayRange): Bucket {
  const days = daysBetween(range.from, range.to).length;
  return days <= 14 ? "day" : days <= 120 ? "week" : "month";
}

/** The first day of the bucket a day falls in (weeks start on Monday, UTC). */
export function bucketStart(day: string, bucket: Bucket): string {
  if (bucket === "day") return day;
  if (bucket === "month") return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Every bucket of the range, in order. */
export function bucketsBetween(range: DayRange, bucket: Bucket): string[] {
  return [...new Set(daysBetween(range.from, range.to).map((d) => bucketStart(d, bucket)))];
}

export function bucketLabel(start: string, bucket: Bucket): string {
  if (bucket === "day") return shortDay(start);
  if (bucket === "week") return `week of ${shortDay(start)}`;
  return new Date(`${start}T00:00:00.000Z`).toLocaleDateString(undefined, { month: "short", year: "numeric", timeZone: "UTC" });
}

export function axisLabel(start: string, bucket: Bucket): string {
  return bucket === "month" ? bucketLabel(start, bucket) : shortDay(start);
}
