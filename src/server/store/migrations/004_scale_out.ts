import { type Kysely } from "kysely";
import { dialectOf } from "../dialects";

// Several processes on one database: a lease on tasks, so background work on a task (test-mode
// completion, attachment checks) taken over from a dead process is done by one process at a
// time; files (uploads, masks) kept in the database, so every process can serve them; and the
// per-key request counts of the rate limit, so it holds across processes.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("tasks").addColumn("leased_until", "bigint").execute();

  await db.schema
    .createTable("files")
    .addColumn("path", "text", (c) => c.primaryKey())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("bytes", dialectOf(db).bytesType, (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .execute();
}
