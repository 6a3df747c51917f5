import type { FastifyInstance } from "fastify";
import type { Config } from "./config";
import type { BlobStore } from "./store/blobs";
import type { Db } from "./store/db";
import { dialectOf } from "./store/dialects";
import { releaseDeadProcessLeases } from "./store/leases";
import type { TaskHooks } from "./tasks/hooks";
import type { HostedUrls } from "./hosted-urls";
import type { TaskRow } from "./store/tasks";
import type { Metrics } from "./metrics";
import { readJson } from "./store/json";
import { AttachmentChecker, attachmentUrls } from "./attachments/attachments";
import { registerAuditRoutes } from "./routes/audits";
import { registerCallbackRoutes } from "./routes/callbacks";
import { registerCompleteRoute } from "./routes/complete";
import { completer, type CompleteTask } from "./tasks/complete";
import { seedDemoDataIfEmpty } from "./demo/seed";
import { CallbackDispatcher } from "./callbacks/dispatcher";
import type { Job } from "./callbacks/attempt-log";
import { CallbackMailer } from "./callbacks/email";
import { registerExportRoute } from "./routes/export";
import { FileStore, portOf } from "./files/files";
import { registerFileRoutes } from "./routes/files";
import { OutboundClient } from "./outbound/outbound";
import { registerStatsRoute } from "./routes/stats";
import { TestModeWorker } from "./testmode/worker";
import { storeHostedUrlsByPath } from "./files/stored-urls-upgrade";

// The task lifecycle: callback outbox and dispatcher, attachment checks, test-mode worker,
// completion, audits, stats, export, file uploads and demo data. main.ts uses this contract.

export interface Lifecycle {
  hooks: TaskHooks;
  /** Registers the lifecycle's /v1 routes (called inside the authenticated /v1 scope). */
  routes(v1: FastifyInstance): void;
  /** Starts background workers (callback dispatcher, timers); resumes pending work after a crash. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Fills an empty database with demo projects and tasks. */
  seedDemoDataIfEmpty(): Promise<void>;
  /** Completion with validation, callback and activity: the workbench's Submit uses it too. */
  complete: CompleteTask;
}

export function createLifecycle(deps: { db: Db; config: Config; urls: HostedUrls; blobs: BlobStore; metrics: Metrics }): Lifecycle {
  const { db, config, urls, metrics } = deps;
  const files = new FileStore(urls, deps.blobs);
  const mailer = new CallbackMailer(config);
  // User-given URLs (callbacks, attachments) are fetched under the outbound policy.
  const outbound = new OutboundClient({
    denyPrivate: config.outboundPrivate === "deny",
    allowedOrigins: config.publicUrl ? [new URL(config.publicUrl).origin] : [],
  });
  const dispatcher = new CallbackDispatcher(db, config, mailer, urls, outbound, metrics);
  const kick = () => dispatcher.kick();
  /** A task left pending: count it, and its callback is in the outbox (written leased to us: deliver it now). */
  const finished = (row: TaskRow, ownJobs?: Job[]) => {
    metrics.taskFinished(row);
    if (ownJobs && ownJobs.length > 0) dispatcher.deliverOwn(ownJobs);
    else kick();
  };
  const checker = new AttachmentChecker(db, files, outbound, metrics, finished, config.jobLeaseMs);
  const worker = new TestModeWorker(
    db,
    files,
    outbound,
    { delayMs: config.testModeDelayMs, sizeTimeoutMs: config.testModeSizeTimeoutMs, leaseMs: config.jobLeaseMs },
    finished,
  );
  metrics.setQueueDepthSource(async () => {
    const r = await db.selectFrom("callback_jobs").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "pending").executeTakeFirst();
    return Number(r?.n ?? 0);
  });
  let app: FastifyInstance | null = null;

  /** Work that builds URLs of this server waits until the port is known. */
  const whenListening = (run: () => Promise<void>) => {
    const go = () => void run().catch((err: unknown) => console.error("lifecycle:", (err as Error).message));
    if (!app || portOf(app) !== null) go();
    else app.server.once("listening", go);
  };

  return {
    complete: completer(db, files, finished),
    hooks: {
      async planInsert(row) {
        const counted = () => metrics.tasksCreated.inc({ type: row.type, mode: row.mode });
        if (row.mode === "test") {
          const plan = await worker.planInsert(row);
          return { ...plan, after: (stored) => (counted(), plan.after(stored)) };
        }
        // Nothing to fetch (text attachments): checked with the insert, no second write.
        if (attachmentUrls(readJson(row.params, "tasks.params")).length === 0) {
          return { row, rows: { attachmentChecks: [{ task_id: row.id, checked_at: row.created_at }] }, after: counted };
        }
        return { row, rows: {}, after: () => (counted(), checker.enqueue(row)) };
      },
    },
    routes(v1) {
      app = v1;
      registerCompleteRoute(v1, db, files, finished);
      registerCallbackRoutes(v1, db, urls, kick);
      registerAuditRoutes(v1, db, urls);
      registerStatsRoute(v1, db);
      registerExportRoute(v1, db, urls);
      registerFileRoutes(v1, files);
    },
    async start() {
      if (dialectOf(db).singleProcess) await releaseDeadProcessLeases(db);
      // Before anything reads or sends a task: rows of earlier versions get our files by path.
      // Processes starting together on one PostgreSQL: one upgrades, the others find it done.
      const upgraded = await dialectOf(db).exclusive(db, () => storeHostedUrlsByPath(db, files));
      if (upgraded > 0) console.log(`  Stored this server's file URLs by path in ${upgraded} tasks (they follow PORT and PUBLIC_URL now).`);
      await dispatcher.start();
      whenListening(async () => {
        await worker.resume();
        await checker.resume();
      });
    },
    async stop() {
      await worker.stop();
      await checker.stop();
      await dispatcher.stop();
      mailer.close();
      await outbound.close();
    },
    async seedDemoDataIfEmpty() {
      // Demo attachments and masks are stored by path, so seeding needs no port. Processes
      // starting together on one PostgreSQL: one seeds, the others then find data.
      await dialectOf(db).exclusive(db, () => seedDemoDataIfEmpty(db, files, config.callbackRetryDelaysMs));
    },
  };
}
