import { type Kysely } from "kysely";

// The task lifecycle's storage: what each attachment fetch found (status, image size), which
// tasks were checked (the others resume after a restart), a lease on callback jobs so a delivery
// in flight is not picked twice, and a covering index for the dashboard's stats.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("task_attachments")
    .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id"))
    .addColumn("url", "text", (c) => c.notNull())
    /** HTTP status of the fetch; null when it failed before an answer (DNS, timeout, ...). */
    .addColumn("status_code", "integer")
    .addColumn("error", "text")
    .addColumn("content_type", "text")
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("checked_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("task_attachments_pk", ["task_id", "url"])
    .execute();

  // Tasks whose attachments were checked; a pending live task without a row is checked on start.
  await db.schema
    .createTable("attachment_checks")
    .addColumn("task_id", "text", (c) => c.primaryKey().references("tasks.id"))
    .addColumn("checked_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("tasks_status_mode_created").on("tasks").columns(["status", "mode", "created_at"]).execute();

  // A claimed job is leased until this time; a crashed process's lease simply runs out.
  await db.schema.alterTable("callback_jobs").addColumn("leased_until", "bigint").execute();

  // Stats group a date range by day, type and status: an index-only scan with this one.
  await db.schema
    .createIndex("tasks_scope_created_stats")
    .on("tasks")
    .columns(["account_id", "mode", "created_at", "type", "status", "callback_succeeded", "completed_at"])
    .execute();
  // ... and completion times of completed tasks created in a range: index-only with this one.
  await db.schema
    .createIndex("tasks_scope_status_created_done")
    .on("tasks")
    .columns(["account_id", "mode", "status", "created_at", "completed_at"])
    .execute();
  await db.schema.createIndex("audits_scope_task").on("audits").columns(["account_id", "mode", "task_id"]).execute();
}
