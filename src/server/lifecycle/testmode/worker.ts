import path from "node:path";
import { isTaskType, taskTypeRegistry, type TaskType } from "../../../schema";
import type { Db } from "../../store/db";
import type { TaskRow } from "../../store/tasks";
import { readJson } from "../../store/json";
import { DEFAULT_CANVAS, quickImageSize, saveAttachmentResults, type Canvas } from "../attachments";
import type { FileStore } from "../files";
import type { OutboundClient } from "../outbound";
import { paramsWithPublicUrls } from "../../hosted-urls";
import { finishTask } from "../outbox";
import { createRng, generateResponse } from "./index";

// Completes test-mode tasks without a human. With no delay the create route's own afterCreate
// call completes the task, so the create answer says pending and every later request sees it
// completed. With TEST_MODE_DELAY_MS a timer does it; pending test tasks are picked up again
// after a restart, so none waits forever.

const RESUME_LIMIT = 10_000;
/** Sizes read over the network, per URL, so a batch on one image fetches it once. */
const SIZE_CACHE_ENTRIES = 500;
const SIZE_CACHE_MS = 10 * 60_000;

export interface TestModeTiming {
  delayMs: number;
  /** Longest quick read of an image size on another host (0: never fetch). */
  sizeTimeoutMs: number;
}

export class TestModeWorker {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  private readonly sizes = new Map<string, { canvas: Canvas | null; at: number }>();
  private readonly delayMs: number;
  /** Completions running now: shutdown waits for them, so no task is left half-finished. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly files: FileStore,
    /** Quick size reads of other hosts' images go through the outbound policy too. */
    private readonly outbound: OutboundClient,
    private readonly timing: TestModeTiming,
    /** A task finished: its callback is in the outbox. */
    private readonly onFinished: (row: TaskRow) => void,
  ) {
    this.delayMs = timing.delayMs;
  }

  async afterCreate(row: TaskRow): Promise<void> {
    if (row.mode !== "test") return;
    if (this.delayMs <= 0) await this.complete(row.id);
    else this.schedule(row.id, row.created_at + this.delayMs);
  }

  async resume(): Promise<void> {
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

  /** Timers are dropped (their tasks resume on the next start); completions running finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private schedule(id: string, at: number): void {
    if (this.stopped || this.timers.has(id)) return;
    const t = setTimeout(() => {
      this.timers.delete(id);
      const run = this.complete(id).catch((err: unknown) => {
        if (!this.stopped) console.error(`test-mode completion of task ${id}:`, (err as Error).message);
      });
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }, Math.max(0, at - Date.now()));
    t.unref?.();
    this.timers.set(id, t);
  }

  /**
   * The image size a geometry answer is drawn on, so it lies inside the image: see
   * `quickImageSize`; DEFAULT_CANVAS only when the size can't be read at all.
   */
  private async canvasFor(row: TaskRow, type: TaskType, params: Record<string, unknown>): Promise<Canvas> {
    const url = typeof params.attachment === "string" && params.attachment_type === "image" ? params.attachment : null;
    if (!url || taskTypeRegistry[type].geometry === null) return DEFAULT_CANVAS;
    const size = await this.cachedSize(url);
    if (size) await saveAttachmentResults(this.db, row.id, [{ url, statusCode: 200, error: null, contentType: null, ...size }]);
    return size ?? DEFAULT_CANVAS;
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
    const params = readJson<Record<string, unknown>>(row.params, "tasks.params");
    const canvas = await this.canvasFor(row, row.type, params);
    const response = generateResponse(row.type, paramsWithPublicUrls(params, this.files.urls), {
      canvas,
      rng: createRng(row.id),
      masks: { save: (name, png) => this.files.save(path.join("masks", row.id, name), png) },
    });
    const done = await finishTask(this.db, id, { status: "completed", response });
    if (done) this.onFinished(done);
    return done !== null;
  }
}
