// The yardstick of `bench:api`'s create figures: a bare Fastify route that inserts a task row into
// the same database the server uses (same store, same tables and triggers, same logger level),
// with no validation, no auth, no lifecycle. Run as its own process, like the server:
//   node --import tsx e2e/bench/bare-insert.ts   (PORT, DATA_DIR or DATABASE_URL, LOG_LEVEL)
import Fastify from "fastify";
import { openDatabase } from "../../src/server/store/db";
import { newObjectId } from "../../src/server/store/ids";

async function main() {
  const db = await openDatabase({ dataDir: process.env.DATA_DIR ?? ".", databaseUrl: process.env.DATABASE_URL || undefined });
  const account = await db.selectFrom("accounts").select("id").executeTakeFirstOrThrow();
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? "info" } });
  app.post<{ Params: { type: string }; Body: Record<string, unknown> }>("/v1/task/:type", async (req) => {
    const now = Date.now();
    const body = req.body;
    const row = {
      id: newObjectId(now),
      account_id: account.id,
      mode: "live" as const,
      type: req.params.type,
      status: "pending",
      project: null,
      project_param_version: null,
      instruction: String(body.instruction ?? ""),
      params: JSON.stringify(body),
      response: null,
      urgency: "standard",
      callback_url: String(body.callback_url ?? ""),
      metadata: "{}",
      unique_id: null,
      created_at: now,
      completed_at: null,
      callback_succeeded: null,
      sample_key: Math.random(),
      leased_until: null,
    };
    await db.insertInto("tasks").values(row).execute();
    return { task_id: row.id, status: row.status, created_at: new Date(now).toISOString() };
  });
  await app.listen({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
  const stop = () => void app.close().then(() => db.destroy()).then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
