import { sql, type Selectable } from "kysely";
import type { Db } from "../store/db";
import { writeTogether, type Write } from "../store/together";
import type { CallbackJobsTable } from "../store/schema";

// Recording a delivery attempt is three writes (the attempt, the job's next state, the task's
// callback_succeeded) that must commit together. Under load, many deliveries finish within the
// same turn of the event loop; each paying its own transaction made the commits, not the POSTs,
// the dispatcher's main cost. So attempts finishing together are recorded in ONE transaction:
// still all three writes of an attempt commit together (with others'), nothing is marked
// delivered before its 2xx, and a record is never delayed past the next turn of the event loop.

export type Job = Selectable<CallbackJobsTable>;

/** One finished attempt, ready to be written. */
export interface AttemptRecord {
  job: Job;
  /** When the attempt started (ms). */
  at: number;
  latency: number;
  statusCode: number | null;
  error: string | null;
  succeeded: boolean;
  /** The job's state after this attempt. */
  status: Job["status"];
  attempt: number;
  nextAttemptAt: number;
}

interface Waiting {
  record: AttemptRecord;
  resolve(): void;
  reject(err: unknown): void;
}

export class AttemptLog {
  private queue: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  /** Resolves once the attempt is committed (with whatever else finished in the same turn). */
  record(record: AttemptRecord): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    try {
      await writeAttempts(this.db, batch.map((w) => w.record));
      for (const w of batch) w.resolve();
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}

/** Groups items by a key built from their values, keeping the first item's order. */
function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/**
 * The attempts, the jobs' next states and the finished tasks' callback_succeeded, atomically
 * (store/together.ts: one statement on PostgreSQL, so the counts the tasks' update moves are
 * locked only until its own commit, never across a round trip to this busy process).
 */
export async function writeAttempts(db: Db, records: AttemptRecord[]): Promise<void> {
  if (records.length === 0) return;
  const now = Date.now();
  await writeTogether(db, (x) => {
    const writes: Write<unknown>[] = [
      x.insertInto("callback_attempts").values(
        records.map((r) => ({
          job_id: r.job.id,
          task_id: r.job.task_id,
          attempt: r.attempt,
          at: r.at,
          status_code: r.statusCode,
          error: r.error,
          latency_ms: r.latency,
          succeeded: r.succeeded ? 1 : 0,
        })),
      ),
    ];
    // Jobs moving to the same state share one UPDATE (normally: every first attempt that got a
    // 2xx). A finished job keeps its next_attempt_at (nothing is due), so those group by state alone.
    for (const group of groupBy(records, (r) => `${r.status} ${r.attempt} ${r.status === "pending" ? r.nextAttemptAt : ""}`)) {
      const { status, attempt, nextAttemptAt } = group[0];
      writes.push(
        x
          .updateTable("callback_jobs")
          .set({ status, attempts: attempt, leased_until: null, updated_at: now, ...(status === "pending" ? { next_attempt_at: nextAttemptAt } : {}) })
          .where("id", "in", group.map((r) => r.job.id)),
      );
    }
    // The finished tasks' outcomes in ONE update (a task with two jobs finishing together is
    // succeeded if either got its 2xx), last.
    const finished = records.filter((r) => r.status !== "pending");
    if (finished.length > 0) {
      const ok = finished.filter((r) => r.succeeded).map((r) => r.job.task_id);
      const outcome =
        ok.length === finished.length ? sql<number>`1` : ok.length === 0 ? sql<number>`0` : sql<number>`case when ${sql.ref("id")} in (${sql.join(ok)}) then 1 else 0 end`;
      writes.push(x.updateTable("tasks").set({ callback_succeeded: outcome }).where("id", "in", [...new Set(finished.map((r) => r.job.task_id))]));
    }
    return { first: writes.slice(0, -1), last: writes[writes.length - 1] };
  });
}
