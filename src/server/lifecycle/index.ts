import type { FastifyInstance } from "fastify";
import type { Config } from "../config";
import type { BlobStore } from "../store/blobs";
import type { Db } from "../store/db";
import { dialectOf } from "../store/dialects";
import { releaseDeadProcessLeases } from "../store/leases";
import type { TaskHooks } from "../tasks/hooks";
import { AttachmentChecker } from "./attachments";
import { registerAuditRoutes } from "./audits";
import { registerCallbackRoutes } from "./callbacks";
import { registerCompleteRoute } from "./complete";
import { seedDemoDataIfEmpty } from "./demo/seed";
import { CallbackDispatcher } from "./dispatcher";
import { CallbackMailer } from "./email";
import { registerExportRoute } from "./export";
import { FileStore, portOf, registerFileRoutes } from "./files";
import { registerStatsRoute } from "./stats";
import { TestModeWorker } from "./testmode/worker";

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
}

export function createLifecycle(deps: { db: Db; config: Config; blobs: BlobStore }): Lifecycle {
  const { db, config } = deps;
  const files = new FileStore(config, deps.blobs);
  const mailer = new CallbackMailer(config);
  const dispatcher = new CallbackDispatcher(db, config, mailer);
  const kick = () => dispatcher.kick();
  const checker = new AttachmentChecker(db, files, kick, config.jobLeaseMs);
  const worker = new TestModeWorker(db, files, config.testModeDelayMs, config.jobLeaseMs, kick);
  let app: FastifyInstance | null = null;

  /** Work that builds URLs of this server waits until the port is known. */
  const whenListening = (run: () => Promise<void>) => {
    const go = () => void run().catch((err: unknown) => console.error("lifecycle:", (err as Error).message));
    if (!app || portOf(app) !== null) go();
    else app.server.once("listening", go);
  };

  return {
    hooks: {
      async afterCreate(row) {
        if (row.mode === "test") await worker.afterCreate(row);
        else checker.enqueue(row);
      },
    },
    routes(v1) {
      app = v1;
      files.setPortSource(() => portOf(v1));
      registerCompleteRoute(v1, db, files, kick);
      registerCallbackRoutes(v1, db, kick);
      registerAuditRoutes(v1, db);
      registerStatsRoute(v1, db);
      registerExportRoute(v1, db);
      registerFileRoutes(v1, files);
    },
    async start() {
      if (dialectOf(db).singleProcess) await releaseDeadProcessLeases(db);
      await dispatcher.start();
      whenListening(async () => {
        await worker.resume();
        await checker.resume();
      });
    },
    async stop() {
      worker.stop();
      await checker.stop();
      await dispatcher.stop();
      mailer.close();
    },
    async seedDemoDataIfEmpty() {
      // Demo attachments are absolute URLs of this server: with PORT=0 they wait for the port.
      // Processes starting together on one PostgreSQL: one seeds, the others then find data.
      const seed = async () => void (await dialectOf(db).exclusive(db, () => seedDemoDataIfEmpty(db, files)));
      if (config.publicUrl || config.port !== 0) await seed();
      else whenListening(seed);
    },
  };
}
