import type { Kysely } from "kysely";
import { dialectOf } from "../dialects";

// The workbench: a person's lease on a pending task lives on the task row itself (held_by,
// held_until), so claiming is one UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) and a
// concurrent claimer re-checks the row it waited for. Drafts of an answer, skips (a skipped task
// stays out of that person's queue for a while), and work sessions (time spent) beside it.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("tasks")
    /** `member:<id>` or `key:<id>` (key sign-in acts as the account's admin). */
    .addColumn("held_by", "text")
    .execute();
  await db.schema.alterTable("tasks").addColumn("held_name", "text").execute();
  await db.schema.alterTable("tasks").addColumn("held_until", "bigint").execute();
  // The queue's order: per scope, pending, one urgency at a time, oldest first.
  await db.schema
    .createIndex("tasks_work_queue")
    .on("tasks")
    .columns(["account_id", "mode", "status", "urgency", "created_at"])
    .execute();

  await db.schema
    .createTable("work_drafts")
    .addColumn("task_id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("response", "text", (c) => c.notNull())
    .addColumn("saved_at", "bigint", (c) => c.notNull())
    .addColumn("saved_by", "text", (c) => c.notNull())
    .addColumn("saved_by_name", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("work_skips")
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("until", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("work_skips_pk", ["task_id", "holder"])
    .execute();

  await dialectOf(db)
    .autoId(db.schema.createTable("work_sessions"))
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("holder_name", "text", (c) => c.notNull())
    /** The member, for "time spent by labeler" (null when an API key held it). */
    .addColumn("member_id", "text")
    .addColumn("started_at", "bigint", (c) => c.notNull())
    /** The last claim or renewal: an abandoned lease counts up to here, not to its expiry. */
    .addColumn("seen_at", "bigint", (c) => c.notNull())
    .addColumn("ended_at", "bigint")
    /** open, submitted, skipped, expired, lost (the task was completed or canceled elsewhere). */
    .addColumn("outcome", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("work_sessions_task").on("work_sessions").columns(["task_id", "holder"]).execute();
}
