import type { FastifyInstance } from "fastify";
import { Migrator, sql } from "kysely";
import type { Db } from "../store/db";
import { migrationProvider } from "../store/migrations";

// Probes for a load balancer or an orchestrator. No key needed and nothing secret in the answer.
// /healthz: the process answers. /readyz: it can serve, i.e. the database answers a query and
// every migration this build knows has run; while shutting down it says so (503), so a balancer
// stops sending work before the listener closes.

export function registerHealthRoutes(app: FastifyInstance, db: Db, isClosing: () => boolean): void {
  // While shutting down, answers close their connection, so a kept-alive client doesn't hold the
  // process open until its idle timeout.
  app.addHook("onSend", async (_req, reply, payload) => {
    if (isClosing()) reply.header("connection", "close");
    return payload;
  });
  app.get("/healthz", async (_req, reply) => {
    reply.header("cache-control", "no-store");
    return { status: "ok" };
  });

  app.get("/readyz", async (_req, reply) => {
    reply.header("cache-control", "no-store");
    if (isClosing()) return reply.code(503).send({ status: "shutting down" });
    try {
      await sql`select 1`.execute(db);
      const migrations = await new Migrator({ db, provider: migrationProvider }).getMigrations();
      const missing = migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
      if (missing.length > 0) return reply.code(503).send({ status: "migrations pending", pending: missing });
      return { status: "ready", migrations: migrations.length };
    } catch (err) {
      return reply.code(503).send({ status: "database unreachable", error: (err as Error).message });
    }
  });
}
