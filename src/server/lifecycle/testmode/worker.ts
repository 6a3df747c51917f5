import path from "node:path";
import { isTaskType } from "../../../schema";
import type { Db } from "../../store/db";
import { dialectOf } from "../../store/dialects";
import { claimPendingTasks } from "../../store/leases";
import type { TaskRow } from "../../store/tasks";
import { readJson } from "../../store/json";
import { DEFAULT_CANVAS, hostedImageSize, saveAttachmentResults, type Canvas } from "../attachments";
import type { FileStore } from "../files";
import { finishTask } from "../outbox";
import { createRng, generateResponse } from "./index";

// Completes test-mode tasks without a human. With no delay the create route's own afterCreate
// call completes the task, so the create answer says pending and every later request sees it
// completed. With TEST_MODE_DELAY_MS a timer does it. A task whose process died before that is
// claimed with a lease (store/leases.ts) by a poller: at start on SQLite (one process), every
// few seconds on PostgreSQL, where another process may have died. finishTask completes a task
// once whoever gets there first, so a late duplicate effort changes nothing.

const CLAIM_BATCH = 32;
const POLL_MS = 2_000;

export class TestModeWorker {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Tasks this process is completing or will complete (its own, or claimed). */
  private readonly mine = new Set<string>();
  private poller: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly files: FileStore,
    private readonly delayMs: number,
    /** A claimed task is ours this long; also how long a fresh task is its creator's alone. */
    private readonly leaseMs: number,
    /** A task finished: its callback is in the outbox. */
    private readonly onFinished: () => void,
  ) {}

  async afterCreate(row: TaskRow): Promise<void> {
    if (row.mode !== "test") return;
    if (this.delayMs <= 0) await this.completeMine(row.id);
    else this.schedule(row.id, row.created_at + this.delayMs);
  }

  /** Starts taking over test tasks that nobody is completing (left by a crash). */
  async resume(): Promise<void> {
    this.stopped = false;
    await this.poll();
  }

  stop(): void {
    this.stopped = true;
    if (this.poller) clearTimeout(this.poller);
    this.poller = null;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private async poll(): Promise<void> {
    this.poller = null;
    if (this.stopped) return;
    const single = dialectOf(this.db).singleProcess;
    let full = false;
    try {
      const now = Date.now();
      // One process: whatever is pending at start was left by its own crash. Several: a fresh
      // task is its creator's for a lease's length, then anyone's.
      const ownedFor = single ? 0 : this.leaseMs;
      const claimed = await claimPendingTasks(this.db, {
        mode: "test",
        createdBefore: now - this.delayMs - ownedFor,
        leaseMs: this.leaseMs,
        limit: CLAIM_BATCH,
        now,
      });
      full = claimed.length === CLAIM_BATCH;
      for (const row of claimed) {
        if (this.stopped) return;
        if (!this.mine.has(row.id)) await this.completeMine(row.id);
      }
    } catch (err) {
      if (!this.stopped) console.error("test-mode worker:", (err as Error).message);
    }
    if (this.stopped || (single && !full)) return;
    this.poller = setTimeout(() => void this.poll(), full ? 0 : POLL_MS);
    this.poller.unref?.();
  }

  private schedule(id: string, at: number): void {
    if (this.stopped || this.timers.has(id)) return;
    this.mine.add(id);
    const t = setTimeout(() => {
      this.timers.delete(id);
      this.completeMine(id).catch((err: unknown) => {
        if (!this.stopped) console.error(`test-mode completion of task ${id}:`, (err as Error).message);
      });
    }, Math.max(0, at - Date.now()));
    t.unref?.();
    this.timers.set(id, t);
  }

  private async completeMine(id: string): Promise<boolean> {
    this.mine.add(id);
    try {
      return await this.complete(id);
    } finally {
      this.mine.delete(id);
    }
  }

  /** The image size test mode draws on: read from the store for files we host, else a default. */
  private async canvasFor(row: TaskRow, params: Record<string, unknown>): Promise<Canvas> {
    const url = typeof params.attachment === "string" && params.attachment_type === "image" ? params.attachment : null;
    const size = url ? await hostedImageSize(this.files, url) : null;
    if (url && size) {
      await saveAttachmentResults(this.db, row.id, [{ url, statusCode: 200, error: null, contentType: null, ...size }]);
    }
    return size ?? DEFAULT_CANVAS;
  }

  async complete(id: string): Promise<boolean> {
    const row = await this.db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row || row.status !== "pending" || row.mode !== "test" || !isTaskType(row.type)) return false;
    const params = readJson<Record<string, unknown>>(row.params, "tasks.params");
    const canvas = await this.canvasFor(row, params);
    // Masks are generated synchronously; they are stored before the task says completed, so
    // a response never links to a file that isn't there yet.
    const masks: [string, Buffer][] = [];
    const response = generateResponse(row.type, params, {
      canvas,
      rng: createRng(row.id),
      masks: {
        save: (name, png) => {
          const rel = path.posix.join("masks", row.id, name);
          masks.push([rel, png]);
          return this.files.urlFor(rel);
        },
      },
    });
    for (const [rel, png] of masks) await this.files.save(rel, png);
    const done = await finishTask(this.db, id, { status: "completed", response });
    if (done) this.onFinished();
    return done !== null;
  }
}
