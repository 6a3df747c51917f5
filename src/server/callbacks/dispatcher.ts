import { setMaxListeners } from "node:events";
import { sql } from "kysely";
import { isEmailAddress } from "../../schema";
import type { Config } from "../config";
import type { Db } from "../store/db";
import { dialectOf } from "../store/dialects";
import type { CallbackMailer } from "./email";
import type { PublicUrls } from "../hosted-urls";
import { publicCallbackJson } from "./outbox";
import type { Metrics } from "../metrics";
import { OutboundRefused, outboundFailure, type OutboundClient } from "../outbound/outbound";
import { AttemptLog, type Job } from "./attempt-log";

// Delivers the outbox's callback jobs: at least once, across crashes. A job is claimed with a
// lease (written before the POST), its attempt is recorded after, and a job counts as delivered
// only when an attempt got a 2xx. A crash between the POST and the record just means one more
// POST after the restart; it never means a job marked delivered without a 2xx.

const MAX_REQUEST_TIMEOUT_MS = 10_000;
const BATCH = 16;
/** Sleep at most this long, so jobs written by another process are noticed too. */
const IDLE_POLL_MS = 5_000;
/** On shutdown, deliveries in flight get this long to answer (and be recorded) before they are cut. */
const STOP_GRACE_MS = 5_000;

interface AttemptResult {
  statusCode: number | null;
  error: string | null;
  succeeded: boolean;
  /** false: no point retrying (an e-mail kept as a file until SMTP is configured, a refused address). */
  retry: boolean;
  refused?: boolean;
}

export class CallbackDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private stopped = true;
  private readonly inflight = new Set<Promise<void>>();
  /** Jobs this process leased and has not recorded yet: released on shutdown. */
  private readonly leased = new Set<number>();
  private ticking: Promise<void> | null = null;
  /** Shutdown aborts deliveries in flight; they stay leased-pending and run again on start. */
  private abort = new AbortController();
  private readonly log: AttemptLog;
  /** Jobs written leased to this process, waiting for this turn of the event loop to end. */
  private own: Job[] = [];

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly mailer: CallbackMailer,
    /** Bodies are stored with our files by path; each delivery gives them today's base. */
    private readonly urls: PublicUrls,
    private readonly outbound: OutboundClient,
    private readonly metrics: Metrics,
  ) {
    this.log = new AttemptLog(db);
  }

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

  /**
   * Graceful: no new claims; deliveries in flight may finish and be recorded within the grace
   * period, the rest are cut, and their leases are released so any process can send them at once.
   */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let grace: NodeJS.Timeout | undefined;
    const cut = new Promise<void>((resolve) => {
      grace = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled([...this.inflight]), cut]);
    clearTimeout(grace);
    this.abort.abort();
    await Promise.allSettled([...this.inflight, this.ticking]);
    await this.release([...this.leased]);
  }

  /**
   * Jobs this process wrote already leased to itself (a test-mode task stored completed with its
   * job, store/create-batch.ts): delivered at once, with no claim query. They are in `leased`
   * like claimed ones, so a shutdown releases them; a crash leaves them to whoever claims them
   * when the lease runs out.
   */
  deliverOwn(jobs: Job[]): void {
    for (const job of jobs) this.leased.add(job.id);
    if (this.stopped) {
      // Shutting down: not ours to send any more; due to anyone at once.
      void this.release(jobs.map((j) => j.id)).catch(() => undefined);
      return;
    }
    this.own.push(...jobs);
    if (this.own.length === jobs.length) setImmediate(() => void this.track(this.flushOwn()));
  }

  /** The own jobs queued in one turn of the event loop: one auth-key query for all of them. */
  private async flushOwn(): Promise<void> {
    const jobs = this.own;
    this.own = [];
    if (this.stopped) return;
    try {
      const authKeys = await this.callbackAuthKeys(jobs);
      const signal = this.attemptSignal();
      for (const job of jobs) {
        const attempt = this.attempt(job, authKeys.get(job.account_id) ?? "", signal).catch((err: unknown) => {
          // Not recorded: still leased, so it is sent again after a shutdown's release or the lease's end.
          if (!this.stopped) console.error("callback dispatcher:", (err as Error).message);
        });
        void this.track(attempt);
      }
    } catch (err) {
      // Left leased: released on shutdown, or claimed by anyone when the lease runs out.
      if (!this.stopped) console.error("callback dispatcher:", (err as Error).message);
    }
  }

  private async release(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable("callback_jobs").set({ leased_until: null }).where("id", "in", ids).where("status", "=", "pending").execute();
    for (const id of ids) this.leased.delete(id);
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
    this.timer = setTimeout(() => {
      this.ticking = this.tick();
    }, Math.max(0, ms));
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
        const authKeys = await this.callbackAuthKeys(claimed);
        const signal = this.attemptSignal();
        await Promise.all(claimed.map((job) => this.track(this.attempt(job, authKeys.get(job.account_id) ?? "", signal))));
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
      .where(() =>
        dialectOf(this.db).idAmong(
          "id",
          dialectOf(this.db).skipLocked(
            this.db
              .selectFrom("callback_jobs as j")
              .select("j.id")
              .where("j.status", "=", "pending")
              .where("j.next_attempt_at", "<=", now)
              .where((w) => w.or([w("j.leased_until", "is", null), w("j.leased_until", "<=", now)]))
              .orderBy("j.next_attempt_at", "asc")
              .limit(BATCH),
          ),
        ),
      )
      .returningAll()
      .execute()
      .then((jobs) => {
        // Ours until recorded: a shutdown releases whatever is still in this set.
        for (const job of jobs) this.leased.add(job.id);
        return jobs;
      });
  }

  /**
   * The accounts' Scale-Callback-Auth keys, read when their jobs are claimed (once per batch,
   * not per job): a rotated key applies to every attempt claimed after the rotation, retries too.
   */
  private async callbackAuthKeys(jobs: Job[]): Promise<Map<string, string>> {
    const ids = [...new Set(jobs.filter((j) => !isEmailAddress(j.url)).map((j) => j.account_id))];
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom("accounts").select(["id", "callback_auth_key"]).where("id", "in", ids).execute();
    return new Map(rows.map((r) => [r.id, r.callback_auth_key ?? ""]));
  }

  private async attempt(job: Job, authKey: string, signal: AbortSignal): Promise<void> {
    const started = Date.now();
    const result = await this.deliver(job, authKey, signal);
    // Cut short by shutdown: not an answer from the receiver, so nothing to record (the lease is released).
    if (this.abort.signal.aborted) return;
    const latency = Date.now() - started;
    this.metrics.callbackAttempts.inc({ outcome: result.succeeded ? "succeeded" : result.refused ? "refused" : "failed" });
    await this.record(job, started, latency, result);
  }

  /**
   * The signal of deliveries starting now: cut at the request timeout or by shutdown. Attempts
   * starting together (one claim, one flush of own jobs) share it: one timer per batch.
   */
  private attemptSignal(): AbortSignal {
    const signal = AbortSignal.any([AbortSignal.timeout(this.requestTimeoutMs), this.abort.signal]);
    // Each request listens on it: a batch is many listeners by design, not a leak to warn about.
    setMaxListeners(0, signal);
    return signal;
  }

  private async deliver(job: Job, authKey: string, signal: AbortSignal): Promise<AttemptResult> {
    const body = publicCallbackJson(job.body, this.urls);
    if (isEmailAddress(job.url)) {
      const out = await this.mailer.send(job.url, job.task_id, job.id, body);
      return out.delivered
        ? { statusCode: null, error: null, succeeded: true, retry: false }
        : { statusCode: null, error: out.error, succeeded: false, retry: out.retry };
    }
    try {
      // No redirects: a 3xx is the receiver's answer (and a failed attempt), as before.
      const status = await this.outbound.post(job.url, {
        headers: {
          "content-type": "application/json",
          "scale-callback-auth": authKey,
          "user-agent": "scale-workbench-callbacks/1",
        },
        body,
        signal,
      });
      const ok = status >= 200 && status < 300;
      return { statusCode: status, error: ok ? null : `HTTP ${status}`, succeeded: ok, retry: true };
    } catch (err) {
      // A refused address is recorded with its reason and not retried: the policy won't change.
      const refused = err instanceof OutboundRefused;
      return { statusCode: null, error: outboundFailure(err, this.requestTimeoutMs), succeeded: false, retry: !refused, refused };
    }
  }

  /** The attempt, the job's next state and the task's callback_succeeded, in one transaction (see attempt-log.ts). */
  private async record(job: Job, at: number, latency: number, r: AttemptResult): Promise<void> {
    const attempt = job.attempts + 1;
    const exhausted = !r.retry || attempt >= this.maxAttempts;
    const status: Job["status"] = r.succeeded ? "succeeded" : exhausted ? "failed" : "pending";
    const nextAttemptAt = status === "pending" ? Date.now() + this.config.callbackRetryDelaysMs[attempt - 1] : job.next_attempt_at;
    await this.log.record({ job, at, latency, statusCode: r.statusCode, error: r.error, succeeded: r.succeeded, status, attempt, nextAttemptAt });
    this.leased.delete(job.id);
    // A retry of a job delivered outside the claim loop: make sure the loop wakes up for it.
    if (status === "pending") this.kick();
  }
}
