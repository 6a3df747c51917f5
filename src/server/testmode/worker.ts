import path from "node:path";
import { isTaskType, taskTypeRegistry, type TaskType } from "../../schema";
import type { Db } from "../store/db";
import { dialectOf } from "../store/dialects";
import { claimPendingTasks } from "../store/leases";
import type { TaskRow } from "../store/tasks";
import { readJson } from "../store/json";
import { DEFAULT_CANVAS, attachmentResultRows, quickImageSize, saveAttachmentResults, type Canvas, type CheckResult } from "../attachments/attachments";
import type { FileStore } from "../files/files";
import type { OutboundClient } from "../outbound/outbound";
import { paramsWithPublicUrls } from "../hosted-urls";
import { finishTask, jobRows } from "../callbacks/outbox";
import type { InsertPlan } from "../tasks/hooks";
import type { Job } from "../callbacks/attempt-log";
import { createRng, generateResponse } from "./index";

// Completes test-mode tasks without a human. With no delay the answer is generated before the
// task is stored, and the task goes in already completed, with its callback job, in the create's
// one transaction (planInsert): the create answer says pending, every later request sees it
// completed, and the create costs one commit instead of three. With TEST_MODE_DELAY_MS a timer
// completes it. A task whose process died before that is
// claimed with a lease (store/leases.ts) by a poller: at start on SQLite (one process), every
// few seconds on PostgreSQL, where another process may have died. finishTask completes a task
// once whoever gets there first, so a late duplicate effort changes nothing.

const CLAIM_BATCH = 32;
const RESUME_LIMIT = 10_000;
const POLL_MS = 2_000;
/** Sizes read over the network, per URL, so a batch on one image fetches it once. */
const SIZE_CACHE_ENTRIES = 500;
const SIZE_CACHE_MS = 10 * 60_000;

type AttachmentSize = CheckResult;

export interface TestModeTiming {
  delayMs: number;
  /** Longest quick read of an image size on another host (0: never fetch). */
  sizeTimeoutMs: number;
  /** A claimed task is ours this long; also how long a fresh task is its creator's alone. */
  leaseMs: number;
}

export class TestModeWorker {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Tasks this process is completing or will complete (its own, or claimed). */
  private readonly mine = new Set<string>();
  /** Tasks claimed by a poll and not completed yet: their leases are released on shutdown. */
  private readonly leased = new Set<string>();
  private poller: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private stopped = false;
  private readonly sizes = new Map<string, { canvas: Canvas | null; at: number }>();
  private readonly delayMs: number;
  private readonly leaseMs: number;
  /** Completions running now: shutdown waits for them, so no task is left half-finished. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly files: FileStore,
    /** Quick size reads of other hosts' images go through the outbound policy too. */
    private readonly outbound: OutboundClient,
    private readonly timing: TestModeTiming,
    /** A task finished: its callback is in the outbox (`ownJobs`: leased to this process, to deliver at once). */
    private readonly onFinished: (row: TaskRow, ownJobs?: Job[]) => void,
  ) {
    this.delayMs = timing.delayMs;
    this.leaseMs = timing.leaseMs;
  }

  /** How a new test-mode task is stored: completed at once (no delay), or pending with a timer. */
  async planInsert(row: TaskRow): Promise<InsertPlan> {
    if (row.mode !== "test" || this.delayMs > 0 || this.stopped || !isTaskType(row.type)) {
      return { row, rows: {}, after: () => this.schedule(row.id, row.created_at + this.delayMs) };
    }
    const { response, size, masks } = await this.answer(row, row.type);
    const now = Date.now();
    const done: TaskRow = { ...row, status: "completed", response: JSON.stringify(response), completed_at: Math.max(now, row.created_at) };
    // The job is written leased to this process, which delivers it as soon as the insert has
    // committed: no claim query per job. Should the process die first, the lease runs out and
    // any dispatcher claims it.
    const jobs = jobRows(done, now, now + this.leaseMs);
    return {
      row: done,
      rows: { taskAttachments: size ? attachmentResultRows(row.id, [size], now) : [], callbackJobs: jobs },
      after: (stored) => this.onFinished(done, jobs.map((job, i) => ({ ...job, id: stored.callbackJobIds[i] }))),
      // The task was not stored (a unique_id race lost): its masks must not stay behind.
      discard: () => this.files.remove(masks),
    };
  }

  /** Starts taking over test tasks that nobody is completing (left by a crash). */
  async resume(): Promise<void> {
    this.stopped = false;
    await (this.polling = this.poll());
    if (this.stopped || !dialectOf(this.db).singleProcess) return;
    // One process: the tasks its last run created within the delay are still due later, at the
    // time they were given (the poll took those already due). On PostgreSQL the poller takes them.
    const rows = await this.db
      .selectFrom("tasks")
      .select(["id", "created_at"])
      .where("status", "=", "pending")
      .where("mode", "=", "test")
      .orderBy("created_at", "asc")
      .limit(RESUME_LIMIT)
      .execute();
    for (const r of rows) this.schedule(r.id, r.created_at + this.delayMs);
  }

  /**
   * Timers are dropped (their tasks resume on the next start, or in another process); completions
   * running finish; tasks claimed but not started are released so any process may take them now.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearTimeout(this.poller);
    this.poller = null;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running, this.polling]);
    if (this.leased.size > 0) {
      await this.db
        .updateTable("tasks")
        .set({ leased_until: null })
        .where("id", "in", [...this.leased])
        .where("status", "=", "pending")
        .execute();
      this.leased.clear();
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => undefined);
    return p;
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
      for (const row of claimed) this.leased.add(row.id);
      for (const row of claimed) {
        if (this.stopped) return;
        if (!this.mine.has(row.id)) await this.track(this.completeMine(row.id));
        this.leased.delete(row.id);
      }
    } catch (err) {
      if (!this.stopped) console.error("test-mode worker:", (err as Error).message);
    }
    if (this.stopped || (single && !full)) return;
    this.poller = setTimeout(() => void (this.polling = this.poll()), full ? 0 : POLL_MS);
    this.poller.unref?.();
  }

  private schedule(id: string, at: number): void {
    if (this.stopped || this.timers.has(id) || this.mine.has(id)) return;
    this.mine.add(id);
    const t = setTimeout(() => {
      this.timers.delete(id);
      void this.track(
        this.completeMine(id).catch((err: unknown) => {
          if (!this.stopped) console.error(`test-mode completion of task ${id}:`, (err as Error).message);
          return false;
        }),
      );
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

  /**
   * The image size a geometry answer is drawn on, so it lies inside the image: see
   * `quickImageSize`; DEFAULT_CANVAS only when the size can't be read at all.
   */
  private async canvasFor(type: TaskType, params: Record<string, unknown>): Promise<{ canvas: Canvas; size: AttachmentSize | null }> {
    const url = typeof params.attachment === "string" && params.attachment_type === "image" ? params.attachment : null;
    if (!url || taskTypeRegistry[type].geometry === null) return { canvas: DEFAULT_CANVAS, size: null };
    const size = await this.cachedSize(url);
    return { canvas: size ?? DEFAULT_CANVAS, size: size ? { url, statusCode: 200, error: null, contentType: null, ...size } : null };
  }

  /**
   * The generated answer of a pending task, and the image size it was drawn on (recorded as the
   * attachment's check). Masks are stored here, before the task says completed, so a response
   * never links to a file that isn't there yet.
   */
  private async answer(row: TaskRow, type: TaskType): Promise<{ response: Record<string, unknown>; size: AttachmentSize | null; masks: string[] }> {
    const params = readJson<Record<string, unknown>>(row.params, "tasks.params");
    const { canvas, size } = await this.canvasFor(type, params);
    // Masks are generated synchronously; the store may be the database, so they are saved after.
    const masks: [string, Buffer][] = [];
    const response = generateResponse(type, paramsWithPublicUrls(params, this.files.urls), {
      canvas,
      rng: createRng(row.id),
      masks: {
        save: (name, png) => {
          const rel = path.posix.join("masks", row.id, name);
          masks.push([rel, png]);
          return this.files.pathFor(rel);
        },
      },
    });
    for (const [rel, png] of masks) await this.files.save(rel, png);
    return { response, size, masks: masks.map(([rel]) => rel) };
  }

  private async cachedSize(url: string): Promise<Canvas | null> {
    const hit = this.sizes.get(url);
    if (hit && Date.now() - hit.at < SIZE_CACHE_MS) return hit.canvas;
    const canvas = await quickImageSize(this.files, this.outbound, url, this.timing.sizeTimeoutMs);
    if (this.sizes.size >= SIZE_CACHE_ENTRIES) this.sizes.delete(this.sizes.keys().next().value!);
    this.sizes.set(url, { canvas, at: Date.now() });
    return canvas;
  }

  async complete(id: string): Promise<boolean> {
    const row = await this.db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row || row.status !== "pending" || row.mode !== "test" || !isTaskType(row.type)) return false;
    const { response, size } = await this.answer(row, row.type);
    if (size) await saveAttachmentResults(this.db, row.id, [size]);
    const done = await finishTask(this.db, id, { status: "completed", response });
    if (done) this.onFinished(done);
    return done !== null;
  }
}
