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
