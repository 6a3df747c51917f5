import { z } from "zod";

/**
 * Parses the API's ISO-8601 times. A time without a zone means UTC (Python's
 * `datetime.utcnow().isoformat()` writes `2016-06-23T08:10:51.032123`), fractions may have up to
 * nine digits, and a bare date means midnight UTC. Returns epoch milliseconds or null.
 */
export function parseApiTime(value: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const [, date, time = "00:00:00", fraction = "", zone = "Z"] = m;
  const ms = (fraction + "000").slice(0, 3);
  const offset = zone.toUpperCase() === "Z" ? "Z" : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const hhmmss = time.length === 5 ? `${time}:00` : time;
  const t = Date.parse(`${date}T${hhmmss}.${ms}${offset}`);
  return Number.isNaN(t) ? null : t;
}

/** An ISO-8601 time in a query or body, as epoch milliseconds. */
export const ApiTime = z.string().transform((v, ctx) => {
  const t = parseApiTime(v);
  if (t === null) {
    ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date or time, e.g. 2024-01-31T12:00:00Z" });
    return z.NEVER;
  }
  return t;
});

/** Timestamps on the wire: ISO-8601 UTC with milliseconds. */
export function toWireTime(ms: number): string {
  return new Date(ms).toISOString();
}
