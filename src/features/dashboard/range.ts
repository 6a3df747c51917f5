// The overview's date range: the last 30 UTC days unless the URL says otherwise.
import { resolveDayRange, type DayRange } from "../tasks";
import type { DashboardSearch } from "./search";

export { addDays, daysBetween, shortDay, todayUtc, type DayRange } from "../tasks";

export const DEFAULT_RANGE_DAYS = 30;

export function resolveRange(search: DashboardSearch): DayRange {
  return resolveDayRange(search, DEFAULT_RANGE_DAYS);
}

export const PRESETS = [
  { label: "7 days", days: 7 },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
] as const;
