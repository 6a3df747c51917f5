// UTC calendar days ("YYYY-MM-DD"), the unit the stats endpoints group by; shared by the
// overview and the audit stats.

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from `from` to `to` inclusive, so charts show empty days as such, not as gaps. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 3700; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface DayRange {
  from: string;
  to: string;
}

/** The range a page's `from`/`to` search params name: by default the last `defaultDays` days. */
export function resolveDayRange(search: { from?: string; to?: string }, defaultDays: number): DayRange {
  const to = search.to ?? todayUtc();
  const from = search.from ?? addDays(to, -(defaultDays - 1));
  return from <= to ? { from, to } : { from: to, to: from };
}

/** "Jan 5" for axis ticks; the day is UTC so it is formatted as UTC. */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00.000Z`).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
}
