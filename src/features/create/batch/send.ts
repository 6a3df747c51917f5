// Sends the good rows: a few requests at a time, pause / resume / cancel, and retries with
// back-off on network errors, 429 and 5xx. Duplicates are impossible by construction: every row
// carries a unique_id, and the server's 409 for a used one means "created already" — the sender
// looks that task up and reports its id.
import type { PreparedRow } from "./dryRun";

export type RowStatus = "created" | "existing" | "failed" | "not sent";

export interface RowOutcome {
  row: number;
  uniqueId: string;
  status: RowStatus;
  taskId?: string;
  error?: string;
}

export interface SendProgress {
  created: number;
  existing: number;
  failed: number;
  remaining: number;
  /** Requests retried after a network error, 429 or 5xx. */
  retries: number;
  state: "running" | "paused" | "canceling" | "done" | "canceled";
}

/** What the sender needs from the API, injected so the logic is tested without a browser. */
export interface SendApi {
  create(body: Record<string, unknown>): Promise<{ task_id: string }>;
  /** The task created with this unique_id, if any. */
  findByUniqueId(uniqueId: string): Promise<string | null>;
}

export interface SendOptions {
  concurrency?: number;
  maxAttempts?: number;
  /** First back-off delay; doubled per attempt, with jitter, capped at 15 s. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** An error with the HTTP status it answered (0: the server could not be reached). */
function statusOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number") return error.status;
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const retryable = (status: number | undefined) => status === 0 || status === 429 || (status !== undefined && status >= 500);

export class BatchSender {
  private readonly rows: readonly PreparedRow[];
  private readonly api: SendApi;
  private readonly options: Required<SendOptions>;
  private readonly listeners = new Set<(p: SendProgress) => void>();
  private next = 0;
  private paused = false;
  private canceled = false;
  private wake: (() => void) | null = null;
  private retries = 0;
  private finished = false;
  readonly outcomes: RowOutcome[] = [];
  private counts = { created: 0, existing: 0, failed: 0 };

  constructor(rows: readonly PreparedRow[], api: SendApi, options: SendOptions = {}) {
    this.rows = rows;
    this.api = api;
    this.options = {
      concurrency: options.concurrency ?? 4,
      maxAttempts: options.maxAttempts ?? 6,
      baseDelayMs: options.baseDelayMs ?? 500,
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    };
  }

  onProgress(listener: (p: SendProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  progress(): SendProgress {
    const settled = this.counts.created + this.counts.existing + this.counts.failed;
    const state = this.finished ? (this.canceled ? "canceled" : "done") : this.canceled ? "canceling" : this.paused ? "paused" : "running";
    return { ...this.counts, remaining: this.rows.length - settled, retries: this.retries, state };
  }

  private emit(): void {
    const p = this.progress();
    for (const l of this.listeners) l(p);
  }

  pause(): void {
    this.paused = true;
    this.emit();
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
    this.wake = null;
    this.emit();
  }

  /** Stops sending; requests in flight finish (a task may be created by them) and are reported. */
  cancel(): void {
    this.canceled = true;
    this.resume();
  }

  /** Runs until every row is settled or the batch is canceled; resolves with one outcome per row. */
  async run(): Promise<RowOutcome[]> {
    const workers = Array.from({ length: Math.min(this.options.concurrency, this.rows.length) }, () => this.work());
    await Promise.all(workers);
    for (let i = this.next; i < this.rows.length; i++) {
      this.outcomes.push({ row: this.rows[i].row, uniqueId: this.rows[i].uniqueId, status: "not sent", error: "canceled before it was sent" });
    }
    this.next = this.rows.length;
    this.finished = true;
    this.outcomes.sort((a, b) => a.row - b.row);
    this.emit();
    return this.outcomes;
  }

  private async work(): Promise<void> {
    for (;;) {
      while (this.paused && !this.canceled) await new Promise<void>((r) => (this.wake = chain(this.wake, r)));
      if (this.canceled || this.next >= this.rows.length) return;
      const row = this.rows[this.next++];
      const outcome = await this.sendOne(row);
      this.outcomes.push(outcome);
      if (outcome.status === "created") this.counts.created++;
      else if (outcome.status === "existing") this.counts.existing++;
      else this.counts.failed++;
      this.emit();
    }
  }

  private async sendOne(row: PreparedRow): Promise<RowOutcome> {
    const base = { row: row.row, uniqueId: row.uniqueId };
    for (let attempt = 1; ; attempt++) {
      try {
        const task = await this.api.create(row.body);
        return { ...base, status: "created", taskId: task.task_id };
      } catch (error) {
        const status = statusOf(error);
        if (status === 409) return this.existing(row, messageOf(error));
        if (!retryable(status) || attempt >= this.options.maxAttempts) {
          return { ...base, status: "failed", error: status === undefined ? messageOf(error) : `HTTP ${status}: ${messageOf(error)}` };
        }
        this.retries++;
        const delay = Math.min(15_000, this.options.baseDelayMs * 2 ** (attempt - 1));
        await this.options.sleep(delay / 2 + Math.random() * (delay / 2));
      }
    }
  }

  /** 409: this unique_id was used, by an earlier run or by a request whose answer was lost. */
  private async existing(row: PreparedRow, message: string): Promise<RowOutcome> {
    const base = { row: row.row, uniqueId: row.uniqueId };
    const fromMessage = /task ([0-9a-f]{24})/.exec(message)?.[1];
    try {
      const id = (await this.api.findByUniqueId(row.uniqueId)) ?? fromMessage;
      if (id) return { ...base, status: "existing", taskId: id };
    } catch {
      if (fromMessage) return { ...base, status: "existing", taskId: fromMessage };
    }
    return { ...base, status: "failed", error: `HTTP 409: ${message}` };
  }
}

/** Several paused workers wait at once: one resume wakes them all. */
function chain(previous: (() => void) | null, next: () => void): () => void {
  return previous ? () => (previous(), next()) : next;
}
