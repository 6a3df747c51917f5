import type { Insertable } from "kysely";
import type { Db } from "./db";
import { writeTogether, type Write } from "./together";
import type { AttachmentChecksTable, CallbackJobsTable, TaskAttachmentsTable } from "./schema";
import type { TaskRow } from "./tasks";

// Group commit for creates. A create writes its task row and the lifecycle's rows that belong
// with it (the attachment check, the test-mode answer's image size and callback job). Many
// clients create at once, and per create the statements and the commit cost more than the rows:
// so the creates queued during one turn of the event loop are written TOGETHER, one multi-row
// INSERT per table, atomically (store/together.ts: on PostgreSQL a single statement, one round
// trip for the batch, whose rollup trigger (migration 009) locks the counts only until its commit).
// Each caller is answered after that commit. If the batch fails, nothing of it is kept and every
// create is written again alone, so one bad create (a unique_id taken meanwhile) fails only its
// own caller, with its own error.

/** A new task and the rows written in its transaction. */
export interface NewTask {
  task: TaskRow;
  attachmentChecks?: Insertable<AttachmentChecksTable>[];
  taskAttachments?: Insertable<TaskAttachmentsTable>[];
  callbackJobs?: Insertable<CallbackJobsTable>[];
}

/** What the write stored that the caller did not choose: the callback jobs' ids. */
export interface StoredTask {
  callbackJobIds: number[];
}

interface Queued {
  create: NewTask;
  resolve(stored: StoredTask): void;
  reject(err: unknown): void;
}

/** Most creates in one statement: bounds the statement (19 parameters per task row) and its commit. */
const MAX_BATCH = 64;

class CreateBatcher {
  private queue: Queued[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  run(create: NewTask): Promise<StoredTask> {
    return new Promise<StoredTask>((resolve, reject) => {
      this.queue.push({ create, resolve, reject });
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
    try {
      const stored = await writeTasks(this.db, batch.map((q) => q.create));
      batch.forEach((q, i) => q.resolve(stored[i]));
    } catch {
      // Rolled back as a whole: each create again on its own, failing on its own.
      for (const q of batch) await this.alone(q);
    }
  }

  private async alone(q: Queued): Promise<void> {
    try {
      q.resolve((await writeTasks(this.db, [q.create]))[0]);
    } catch (err) {
      q.reject(err);
    }
  }
}

/** The creates' rows, table by table, and which creates their callback jobs belong to. */
function rowsOf(creates: NewTask[]) {
  return {
    tasks: creates.map((c) => c.task),
    checks: creates.flatMap((c) => c.attachmentChecks ?? []),
    attachments: creates.flatMap((c) => c.taskAttachments ?? []),
    jobs: creates.flatMap((c) => c.callbackJobs ?? []),
  };
}

/** The jobs' ids, given back per create in the order its jobs were given. */
function jobIdsPerCreate(creates: NewTask[], stored: { id: number; task_id: string }[]): StoredTask[] {
  const byTask = new Map<string, number[]>();
  for (const j of [...stored].sort((a, b) => a.id - b.id)) {
    const ids = byTask.get(j.task_id);
    if (ids) ids.push(j.id);
    else byTask.set(j.task_id, [j.id]);
  }
  return creates.map((c) => ({ callbackJobIds: byTask.get(c.task.id) ?? [] }));
}

/** Writes the creates atomically: every row of every create, or nothing (one statement on PostgreSQL). */
export async function writeTasks(db: Db, creates: NewTask[]): Promise<StoredTask[]> {
  const { tasks, checks, attachments, jobs } = rowsOf(creates);
  const rowsFirst = (x: Db): Write<unknown>[] => [
    x.insertInto("tasks").values(tasks),
    ...(checks.length > 0 ? [x.insertInto("attachment_checks").values(checks).onConflict((oc) => oc.column("task_id").doNothing())] : []),
    ...(attachments.length > 0 ? [x.insertInto("task_attachments").values(attachments)] : []),
  ];
  if (jobs.length === 0) {
    await writeTogether(db, (x) => {
      const writes = rowsFirst(x);
      return { first: writes.slice(0, -1), last: writes[writes.length - 1] };
    });
    return creates.map(() => ({ callbackJobIds: [] }));
  }
  const stored = await writeTogether(db, (x) => ({ first: rowsFirst(x), last: x.insertInto("callback_jobs").values(jobs).returning(["id", "task_id"]) }));
  return jobIdsPerCreate(creates, stored);
}

const batchers = new WeakMap<Db, CreateBatcher>();

/**
 * Stores a new task with its lifecycle rows, in one write shared with the other creates queued in
 * this turn of the event loop; resolves once committed.
 */
export function insertTask(db: Db, create: NewTask): Promise<StoredTask> {
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = new CreateBatcher(db)));
  return b.run(create);
}
