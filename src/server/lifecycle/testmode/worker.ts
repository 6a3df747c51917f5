import path from "node:path";
import { isTaskType } from "../../../schema";
import type { Db } from "../../store/db";
import type { TaskRow } from "../../store/tasks";
import { readJson } from "../../store/json";
import { DEFAULT_CANVAS, hostedImageSize, saveAttachmentResults, type Canvas } from "../attachments";
import type { FileStore } from "../files";
import { finishTask } from "../outbox";
import { createRng, generateResponse } from "./index";

// Completes test-mode tasks without a human. With no delay the create route's own afterCreate
// call completes the task, so the create answer says pending and every later request sees it
// completed. With TEST_MODE_DELAY_MS a timer does it; pending test tasks are picked up again
// after a restart, so none waits forever.

const RESUME_LIMIT = 10_000;

export class TestModeWorker {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  /** Completions running now: shutdown waits for them, so no task is left half-finished. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly files: FileStore,
    private readonly delayMs: number,
    /** A task finished: its callback is in the outbox. */
    private readonly onFinished: (row: TaskRow) => void,
  ) {}

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

  /** The image size test mode draws on: read from disk for files we host, else a default. */
  private async canvasFor(row: TaskRow, params: Record<string, unknown>): Promise<Canvas> {
    const url = typeof params.attachment === "string" && params.attachment_type === "image" ? params.attachment : null;
    const size = url ? hostedImageSize(this.files, url) : null;
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
    const response = generateResponse(row.type, params, {
      canvas,
      rng: createRng(row.id),
      masks: { save: (name, png) => this.files.save(path.join("masks", row.id, name), png) },
    });
    const done = await finishTask(this.db, id, { status: "completed", response });
    if (done) this.onFinished(done);
    return done !== null;
  }
}
