// UTC day arithmetic: the stats endpoint groups decisions by UTC day.
import { addDays, daysBetween, resolveDayRange, shortDay, type DayRange } from "../../tasks";
import type { AuditStatsSearch } from "../search";

export { addDays, todayUtc, type DayRange } from "../../tasks";

export const DEFAULT_RANGE_DAYS = 30;
export const PRESETS = [7, 30, 90, 365] as const;

export function resolveRange(search: Pick<AuditStatsSearch, "from" | "to">): DayRange {
  return resolveDayRange(search, DEFAULT_RANGE_DAYS);
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
