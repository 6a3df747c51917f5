// The /tasks URL: every filter and the page live in search params so a view is a shareable link.
// Invalid values fall back to "no filter" instead of breaking the page (`.catch`).
import { z } from "zod";
import { TaskStatus, TaskType } from "../../schema";
import type { TaskListFilters } from "../../client";

/** The router reads `?q=123` as the number 123; ids and names are text either way. */
const text = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : v),
  z.string().trim().min(1).optional(),
);

/** A UTC calendar day, "YYYY-MM-DD" (the unit of the overview charts). */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const TasksSearch = z.object({
  status: TaskStatus.optional().catch(undefined),
  type: TaskType.optional().catch(undefined),
  project: text.catch(undefined),
  from: IsoDay.optional().catch(undefined),
  to: IsoDay.optional().catch(undefined),
  q: text.catch(undefined),
  callback: z.enum(["delivered", "failed"]).optional().catch(undefined),
  limit: z.number().int().min(1).max(100).optional().catch(undefined),
  offset: z.number().int().min(0).optional().catch(undefined),
});
export type TasksSearch = z.infer<typeof TasksSearch>;

export const DEFAULT_PAGE_SIZE = 50;
export const PAGE_SIZES = [25, 50, 100] as const;

export function dayStart(day: string): string {
  return `${day}T00:00:00.000Z`;
}

export function dayEnd(day: string): string {
  return `${day}T23:59:59.999Z`;
}

/** Maps the URL to the list endpoint's query (filters only, without paging). */
export function searchToFilters(search: TasksSearch): TaskListFilters {
  return {
    status: search.status,
    type: search.type,
    project: search.project,
    start_time: search.from ? dayStart(search.from) : undefined,
    end_time: search.to ? dayEnd(search.to) : undefined,
    callback_succeeded: search.callback === undefined ? undefined : search.callback === "delivered",
    // The server accepts hex prefixes only; anything else would be a 400, so don't send it.
    task_id: search.q && /^[0-9a-f]{1,24}$/i.test(search.q) ? search.q.toLowerCase() : undefined,
  };
}

/** What makes a filter unable to match anything, said so the user can fix it; null when it can match. */
export interface FilterProblem {
  field: "q" | "dates";
  message: string;
}

export function filterProblem(search: TasksSearch): FilterProblem | null {
  if (search.q && !/^[0-9a-f]{1,24}$/i.test(search.q)) {
    return { field: "q", message: "Task ids are 24 hexadecimal characters (0-9, a-f); search by the whole id or its beginning." };
  }
  if (search.q && search.q.length > 24) {
    return { field: "q", message: "Task ids are 24 characters long; this is longer." };
  }
  if (search.from && search.to && search.from > search.to) {
    return { field: "dates", message: `"Created from" (${search.from}) is after "to" (${search.to}): no day is in that range.` };
  }
  return null;
}
