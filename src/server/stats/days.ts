// Days are UTC calendar days. SQL buckets times as whole days since the epoch (`ms / 86400000`,
// integer division in both SQLite and PostgreSQL — inline the divisor with sql.lit: better-sqlite3
// binds numbers as REAL, which would make it a float division), and this turns a bucket into a day.

export const DAY_MS = 86_400_000;

export function dayOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
