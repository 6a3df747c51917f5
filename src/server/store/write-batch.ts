import type { Db } from "./db";

// Group commit for small independent writes (a create's task row with its lifecycle rows).
// Measured on SQLite, a create's own statements cost less than the transaction around them
// (Kysely's transaction plumbing plus the commit); on PostgreSQL each commit is a WAL flush. Many
// clients create at once, so the writes queued during one turn of the event loop share ONE
// transaction: each caller's writes still commit atomically (with others'), and each caller is
// answered only after that commit. If the shared transaction fails, nothing of it is kept and
// every write is retried alone, so one bad write (a unique_id taken meanwhile) fails only its own
// caller, with its own error.

/** Writes of one caller: run inside a transaction, must only write to the database (they may be retried alone). */
export type Write = (trx: Db) => Promise<void>;

interface Queued {
  write: Write;
  order: string;
  resolve(): void;
  reject(err: unknown): void;
}

/** Most writes in one shared transaction: bounds how long one commit holds the writer. */
const MAX_BATCH = 64;

class WriteBatcher {
  private queue: Queued[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  run(write: Write, order: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ write, order, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    this.scheduled = false;
    if (this.queue.length > 0) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
    if (batch.length === 1) return this.alone(batch[0]);
    // Writes that touch the same rows (a create's rollup row) go in one order in every batch, so
    // two batches on PostgreSQL lock them in the same order and don't deadlock each other.
    batch.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const q of batch) await q.write(trx);
      });
      for (const q of batch) q.resolve();
    } catch {
      // Rolled back as a whole: each write again in its own transaction, failing on its own.
      for (const q of batch) await this.alone(q);
    }
  }

  private async alone(q: Queued): Promise<void> {
    try {
      await this.db.transaction().execute(q.write);
      q.resolve();
    } catch (err) {
      q.reject(err);
    }
  }
}

const batchers = new WeakMap<Db, WriteBatcher>();

/**
 * Runs `write` in a transaction shared with the other writes queued in this turn of the event
 * loop; `order` sorts the writes of one batch (writes that lock the same rows share a prefix).
 */
export function batchedWrite(db: Db, write: Write, order = ""): Promise<void> {
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = new WriteBatcher(db)));
  return b.run(write, order);
}
