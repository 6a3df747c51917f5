import { sql, type Selectable } from "kysely";
import { isEmailAddress } from "../../schema";
import type { Config } from "../config";
import type { Db } from "../store/db";
import { dialectOf } from "../store/dialects";
import type { CallbackJobsTable } from "../store/schema";
import type { CallbackMailer } from "./email";

// Delivers the outbox's callback jobs: at least once, across crashes. A job is claimed with a
// lease (written before the POST), its attempt is recorded after, and a job counts as delivered
// only when an attempt got a 2xx. A crash between the POST and the record just means one more
// POST after the restart; it never means a job marked delivered without a 2xx.

type Job = Selectable<CallbackJobsTable>;

const MAX_REQUEST_TIMEOUT_MS = 10_000;
const BATCH = 16;
/** Sleep at most this long, so jobs written by another process are noticed too. */
const IDLE_POLL_MS = 5_000;

interface AttemptResult {
  statusCode: number | null;
  error: string | null;
  succeeded: boolean;
  /** false: no point retrying (an e-mail kept as a file until SMTP is configured). */
  retry: boolean;
}

export class CallbackDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private stopped = true;
  private readonly inflight = new Set<Promise<void>>();
  /** Shutdown aborts deliveries in flight; they stay leased-pending and run again on start. */
  private abort = new AbortController();

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly mailer: CallbackMailer,
  ) {}

  /** A claim lasts JOB_LEASE_MS (30 s by default): a crashed process's jobs are anyone's after that. */
  private get leaseMs(): number {
    return this.config.jobLeaseMs;
  }

  /** Well inside the lease, so a live lease is never stolen while its POST is still running. */
  private get requestTimeoutMs(): number {
    return Math.min(MAX_REQUEST_TIMEOUT_MS, Math.floor(this.leaseMs / 3));
  }

  /** Attempts allowed in all: the first plus one per configured retry delay (20 by default). */
  get maxAttempts(): number {
    return this.config.callbackRetryDelaysMs.length + 1;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.abort = new AbortController();
    // The SQLite store has one process by design, so any lease left is a dead process's: free
    // them now instead of waiting for them to run out. On PostgreSQL, leases of other live
    // processes may be among them: those only run out.
    if (dialectOf(this.db).singleProcess) {
      await this.db.updateTable("callback_jobs").set({ leased_until: null }).where("status", "=", "pending").where("leased_until", "is not", null).execute();
    }
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inflight]);
  }

  /** New work may be due: look now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), Math.max(0, ms));
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (this.running || this.stopped) return;
    this.running = true;
    let wait = IDLE_POLL_MS;
    try {
      for (;;) {
        this.again = false;
        const claimed = await this.claimDue(Date.now());
        await Promise.all(claimed.map((job) => this.track(this.attempt(job))));
        if (this.stopped) return;
        if (claimed.length < BATCH && !this.again) break;
      }
      const next = await this.db
        .selectFrom("callback_jobs")
        // A job leased by another process is not ours before its lease runs out.
        .select(sql<number | null>`min(case when leased_until > next_attempt_at then leased_until else next_attempt_at end)`.as("at"))
        .where("status", "=", "pending")
        .executeTakeFirst();
      if (next?.at !== null && next?.at !== undefined) wait = Math.min(IDLE_POLL_MS, Number(next.at) - Date.now());
    } catch (err) {
      // The database may be closing (shutdown) or busy; try again shortly.
      if (!this.stopped) console.error("callback dispatcher:", (err as Error).message);
    } finally {
      this.running = false;
    }
    this.schedule(this.again ? 0 : wait);
  }

  private track(p: Promise<void>): Promise<void> {
    this.inflight.add(p);
    return p.finally(() => this.inflight.delete(p));
  }

  /**
   * Leases up to BATCH due jobs in one statement. The inner SELECT locks its rows and skips rows
   * another process is claiming (`FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite the single
   * writer runs the statement alone), so no two processes ever hold one job.
   */
  private async claimDue(now: number): Promise<Job[]> {
    return this.db
      .updateTable("callback_jobs")
      .set({ leased_until: now + this.leaseMs, updated_at: now })
      .where("id", "in", (eb) =>
        dialectOf(this.db).skipLocked(
          eb
            .selectFrom("callback_jobs as j")
            .select("j.id")
            .where("j.status", "=", "pending")
            .where("j.next_attempt_at", "<=", now)
            .where((w) => w.or([w("j.leased_until", "is", null), w("j.leased_until", "<=", now)]))
            .orderBy("j.next_attempt_at", "asc")
            .limit(BATCH),
        ),
      )
      .returningAll()
      .execute();
  }

  private async attempt(job: Job): Promise<void> {
    const started = Date.now();
    const result = await this.deliver(job);
    // Cut short by shutdown: not an answer from the receiver, so nothing to record.
    if (this.stopped) return;
    const latency = Date.now() - started;
    await this.record(job, started, latency, result);
  }

  private async deliver(job: Job): Promise<AttemptResult> {
    if (isEmailAddress(job.url)) {
      const out = await this.mailer.send(job.url, job.task_id, job.id, job.body);
      return out.delivered
        ? { statusCode: null, error: null, succeeded: true, retry: false }
        : { statusCode: null, error: out.error, succeeded: false, retry: out.retry };
    }
    // The key is read at delivery time, so a rotated key applies to retries too.
    const account = await this.db.selectFrom("accounts").select("callback_auth_key").where("id", "=", job.account_id).executeTakeFirst();
    try {
      const res = await fetch(job.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "scale-callback-auth": account?.callback_auth_key ?? "",
          "user-agent": "scale-workbench-callbacks/1",
        },
        body: job.body,
        redirect: "manual",
        signal: AbortSignal.any([AbortSignal.timeout(this.requestTimeoutMs), this.abort.signal]),
      });
      await res.body?.cancel().catch(() => undefined);
      const ok = res.status >= 200 && res.status < 300;
      return { statusCode: res.status, error: ok ? null : `HTTP ${res.status}`, succeeded: ok, retry: true };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const reason = e.name === "TimeoutError" ? `timed out after ${this.requestTimeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
      return { statusCode: null, error: reason, succeeded: false, retry: true };
    }
  }

  /** The attempt, the job's next state and the task's callback_succeeded, in one transaction. */
  private async record(job: Job, at: number, latency: number, r: AttemptResult): Promise<void> {
    const attempt = job.attempts + 1;
    const exhausted = !r.retry || attempt >= this.maxAttempts;
    const status: Job["status"] = r.succeeded ? "succeeded" : exhausted ? "failed" : "pending";
    const now = Date.now();
    const next = status === "pending" ? now + this.config.callbackRetryDelaysMs[attempt - 1] : job.next_attempt_at;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("callback_attempts")
        .values({
          job_id: job.id,
          task_id: job.task_id,
          attempt,
          at,
          status_code: r.statusCode,
          error: r.error,
          latency_ms: latency,
          succeeded: r.succeeded ? 1 : 0,
        })
        .execute();
      await trx
        .updateTable("callback_jobs")
        .set({ status, attempts: attempt, next_attempt_at: next, leased_until: null, updated_at: now })
        .where("id", "=", job.id)
        .execute();
      if (status !== "pending") {
        await trx.updateTable("tasks").set({ callback_succeeded: r.succeeded ? 1 : 0 }).where("id", "=", job.task_id).execute();
      }
    });
  }
}
