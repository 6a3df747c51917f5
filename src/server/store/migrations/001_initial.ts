import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialects";

// Written against Kysely's portable schema builder; the one column type that differs (an
// auto-numbered id) comes from the dialect.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await db.schema
    .createTable("accounts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("callback_auth_key", "text", (c) => c.notNull())
    .addColumn("default_callback_url", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("api_keys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("key_prefix", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("revoked_at", "bigint")
    .execute();

  await db.schema
    .createTable("projects")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("projects_account_mode_name", ["account_id", "mode", "name"])
    .execute();

  await db.schema
    .createTable("project_params")
    .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_params_pk", ["project_id", "version"])
    .execute();

  await db.schema
    .createTable("tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("project", "text")
    .addColumn("project_param_version", "integer")
    .addColumn("instruction", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("response", "text")
    .addColumn("urgency", "text", (c) => c.notNull())
    .addColumn("callback_url", "text")
    .addColumn("metadata", "text", (c) => c.notNull())
    .addColumn("unique_id", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("completed_at", "bigint")
    .addColumn("callback_succeeded", "integer")
    .addColumn("sample_key", "double precision", (c) => c.notNull())
    .execute();

  // One index per list filter, each ending in created_at so "newest first" pages read in order.
  const taskIndexes: [string, string[]][] = [
    ["tasks_scope_created", ["account_id", "mode", "created_at", "id"]],
    ["tasks_scope_status_created", ["account_id", "mode", "status", "created_at"]],
    ["tasks_scope_type_created", ["account_id", "mode", "type", "created_at"]],
    ["tasks_scope_project_created", ["account_id", "mode", "project", "created_at"]],
    ["tasks_scope_completed", ["account_id", "mode", "status", "completed_at"]],
    ["tasks_scope_sample", ["account_id", "mode", "status", "sample_key"]],
  ];
  for (const [name, columns] of taskIndexes) {
    await db.schema.createIndex(name).on("tasks").columns(columns).execute();
  }
  await db.schema
    .createIndex("tasks_scope_unique_id")
    .unique()
    .on("tasks")
    .columns(["account_id", "mode", "unique_id"])
    .where(sql.ref("unique_id"), "is not", null)
    .execute();

  await d
    .autoId(db.schema.createTable("callback_jobs"))
    .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id"))
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("callback_jobs_due").on("callback_jobs").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("callback_jobs_task").on("callback_jobs").columns(["task_id"]).execute();

  await d
    .autoId(db.schema.createTable("callback_attempts"))
    .addColumn("job_id", "integer", (c) => c.notNull().references("callback_jobs.id"))
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("status_code", "integer")
    .addColumn("error", "text")
    .addColumn("latency_ms", "integer", (c) => c.notNull())
    .addColumn("succeeded", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("callback_attempts_task").on("callback_attempts").columns(["task_id", "at"]).execute();

  await d
    .autoId(db.schema.createTable("audits"))
    .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id"))
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("accepted", "integer", (c) => c.notNull())
    .addColumn("comments", "text", (c) => c.notNull())
    .addColumn("audited_at", "bigint", (c) => c.notNull())
    .addColumn("audited_by", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audits_task").on("audits").columns(["task_id", "audited_at"]).execute();
  await db.schema.createIndex("audits_scope_time").on("audits").columns(["account_id", "mode", "audited_at"]).execute();
}
