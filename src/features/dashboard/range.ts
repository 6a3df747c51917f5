// Day arithmetic in UTC, the unit the stats endpoint groups by.
import type { DashboardSearch } from "./search";

export const DEFAULT_RANGE_DAYS = 30;

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Every day from `from` to `to` inclusive, so charts show empty days as zero, not as gaps. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 3700; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface DayRange {
  from: string;
  to: string;
}

export function resolveRange(search: DashboardSearch): DayRange {
  const to = search.to ?? todayUtc();
  const from = search.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  return from <= to ? { from, to } : { from: to, to: from };
}

export const PRESETS = [
  { label: "7 days", days: 7 },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
] as const;

/** "Jan 5" for axis ticks; the day is UTC so format it as UTC. */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00.000Z`).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
}
