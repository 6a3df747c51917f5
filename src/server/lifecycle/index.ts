import type { FastifyInstance } from "fastify";
import type { Config } from "../config";
import type { Db } from "../store/db";
import type { TaskHooks } from "../tasks/hooks";

// The task lifecycle: callback outbox and dispatcher, attachment checks, test-mode worker,
// completion, audits, stats, export, demo data. (Being built: this is the contract main.ts uses.)

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

export function createLifecycle(deps: { db: Db; config: Config }): Lifecycle {
  void deps;
  return {
    hooks: { afterCreate: async () => {} },
    routes: () => {},
    start: async () => {},
    stop: async () => {},
    seedDemoDataIfEmpty: async () => {},
  };
}
